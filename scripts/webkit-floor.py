#!/usr/bin/python3
"""The memory floor of WebKitGTK on this machine, for issue 16's memory goal: a bare GTK window
holding one WebKitWebView (the document-viewer cache model, as Carnet sets it) that shows an
empty page, measured like `app-bench` measures Carnet: the PSS and RSS of the host process and
of the WebKit processes it started, six seconds after the load. Whatever Carnet does, its own
processes cannot go below this.

    xvfb-run -a -s "-screen 0 1280x800x24" scripts/webkit-floor.py [--no-gpu]

--no-gpu sets WebKit's hardware acceleration policy to "never" (Carnet keeps the default: with
"never", the view stopped producing frames under Xvfb; see src-tauri/src/webview.rs).
Needs python3-gi and gir1.2-webkit2-4.1 (Debian).
"""
import os
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402


def kib(path, key):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree(root):
    parents = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/stat") as f:
                    parents[int(p)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                pass
    out, i = [root], 0
    while i < len(out):
        out += [p for p, pp in parents.items() if pp == out[i]]
        i += 1
    return out


def measure():
    total_pss = total_rss = 0
    for p in tree(os.getpid()):
        pss, rss = kib(f"/proc/{p}/smaps_rollup", "Pss:"), kib(f"/proc/{p}/status", "VmRSS:")
        with open(f"/proc/{p}/comm") as f:
            name = f.read().strip()
        total_pss += pss
        total_rss += rss
        print(f"{name:<18} RSS {rss / 1024:6.1f} MiB  PSS {pss / 1024:6.1f} MiB")
    print(f"floor, PSS of all processes {total_pss / 1024:.1f} MiB, RSS {total_rss / 1024:.1f} MiB")
    Gtk.main_quit()


def main():
    context = WebKit2.WebContext.get_default()
    context.set_cache_model(WebKit2.CacheModel.DOCUMENT_VIEWER)
    window = Gtk.Window()
    window.set_default_size(1280, 800)
    view = WebKit2.WebView.new_with_context(context)
    if "--no-gpu" in sys.argv:
        view.get_settings().set_hardware_acceleration_policy(
            WebKit2.HardwareAccelerationPolicy.NEVER)
    window.add(view)
    window.show_all()
    view.load_html("<!doctype html><html lang=fr><body><p>Carnet</p></body></html>", None)
    GLib.timeout_add(6000, measure)
    Gtk.main()


if __name__ == "__main__":
    main()
