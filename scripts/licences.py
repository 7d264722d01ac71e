#!/usr/bin/env python3
"""Writes the third-party licences the About box shows (ui/src/lib/about/licences.json):
every Rust crate of Cargo.lock's resolution (cargo metadata; all platforms, so the list holds
for every installer), the npm packages whose code reaches the page (the UI's dependencies and
Svelte's runtime with its own dependencies, from ui/package-lock.json), and the dossier's font.
Run by `make licences`; `make licences-check` fails when the committed file is stale."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ui/src/lib/about/licences.json"


def metadata():
    return json.loads(subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked"],
        cwd=ROOT, check=True, capture_output=True, text=True).stdout)


def notices(meta):
    """Licences whose text must be reproduced: code bundled inside a crate under a licence of
    its own. SQLCipher (BSD-3-Clause, compiled in by libsqlite3-sys) asks that binary
    redistributions reproduce its notice."""
    out = []
    for p in meta["packages"]:
        if p["name"] == "libsqlite3-sys":
            text = (Path(p["manifest_path"]).parent / "sqlcipher/LICENSE").read_text()
            out.append({"name": "SQLCipher (bundled by libsqlite3-sys " + p["version"] + ")",
                        "version": "4", "licence": "BSD-3-Clause", "text": text.strip()})
    return out


def crates(meta):
    ours = set(meta["workspace_members"])
    out = set()
    for p in meta["packages"]:
        if p["id"] in ours:
            continue
        out.add((p["name"], p["version"], p.get("license") or p.get("license_file") or "see its repository"))
    return sorted(out)


def npm():
    lock = json.loads((ROOT / "ui/package-lock.json").read_text())
    packages = lock["packages"]
    wanted = [k for k, v in packages.items() if k and not v.get("dev")]
    # Svelte compiles into the page: its runtime and what it depends on ship too.
    todo = ["node_modules/svelte"]
    while todo:
        key = todo.pop()
        if key in wanted or key not in packages:
            continue
        wanted.append(key)
        for dep in packages[key].get("dependencies", {}):
            todo.append(f"node_modules/{dep}")
    out = set()
    for key in wanted:
        p = packages[key]
        name = key.rsplit("node_modules/", 1)[1]
        out.add((name, p.get("version", ""), p.get("license", "see its repository")))
    return sorted(out)


def main():
    meta = metadata()
    data = {
        "crates": [{"name": n, "version": v, "licence": l} for n, v, l in crates(meta)],
        "npm": [{"name": n, "version": v, "licence": l} for n, v, l in npm()],
        "fonts": [{"name": "Noto Sans", "version": "2.x", "licence": "OFL-1.1"}],
        "notices": notices(meta),
    }
    if not data["notices"]:
        sys.exit("licences: SQLCipher's notice was not found (libsqlite3-sys missing?)")
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    if sys.argv[1:] == ["--check"]:
        if OUT.read_text() != text:
            sys.exit("ui/src/lib/about/licences.json is stale: run `make licences`")
        return
    OUT.write_text(text)
    print(f"{len(data['crates'])} crates, {len(data['npm'])} npm packages, {len(data['fonts'])} font")


if __name__ == "__main__":
    main()
