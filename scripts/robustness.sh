#!/usr/bin/env bash
# The robustness report of `make robustness`: reads the `ROBUSTNESS key=value` lines the
# adversarial tests print (fuzzing, crash loops, full disk, plaintext scan, hostile UI) from the
# log given as $1 and prints one table. Fails when a figure that must be 0 is not, or when a
# line is missing (a test that did not run proves nothing).
set -euo pipefail
log=${1:?usage: scripts/robustness.sh <test log>}

# key → summed value (a key printed by several tests adds up: the two crash loops' kills).
declare -A sum
while IFS='=' read -r key value; do
  sum[$key]=$(( ${sum[$key]:-0} + value ))
done < <(grep -o 'ROBUSTNESS [a-z_]*=[0-9]*' "$log" | sed 's/^ROBUSTNESS //')

need() {
  [[ -n ${sum[$1]:-} ]] || { echo "robustness: no figure for $1 in $log (did its test run?)" >&2; exit 1; }
  echo "${sum[$1]}"
}

fuzz_total=0
fuzz_rows=""
for key in $(printf '%s\n' "${!sum[@]}" | grep '^fuzz_' | sort); do
  fuzz_total=$(( fuzz_total + sum[$key] ))
  fuzz_rows+=$(printf '| %-58s | %12s |' "  fuzz cases: ${key#fuzz_}" "${sum[$key]}")$'\n'
done
files=$(( ${sum[fuzz_email_bytes]:-0} + ${sum[fuzz_email_mutations]:-0} + ${sum[fuzz_email_html]:-0} \
  + ${sum[fuzz_keyfile_mutations]:-0} + ${sum[fuzz_keyfile_json]:-0} + ${sum[fuzz_archive]:-0} \
  + ${sum[fuzz_categories]:-0} ))

payloads=$(need payloads_ui)
kills=$(need kills_survived)
acked=$(need writes_acknowledged)
lost=$(need writes_lost)
hits=$(need plaintext_hits)
full=$(need full_disk_ops)
exports_killed=$(need exports_killed)
exports_left=$(need exports_left)
quits=$(need quits_clean)

line="|$(printf -- "-%.0s" {1..60})|$(printf -- "-%.0s" {1..14})|"
printf '\nCarnet robustness report\n\n'
printf '| %-58s | %12s |\n' "figure" "value"
echo "$line"
printf '| %-58s | %12s |\n' "payloads tried in the UI (fields, imports)" "$payloads"
printf '| %-58s | %12s |\n' "hostile files tried (e-mails, keys, archives, categories)" "$files"
printf '| %-58s | %12s |\n' "writes under a full disk (all coded, no file)" "$full"
printf '| %-58s | %12s |\n' "kills survived (evidence, journal, import loops)" "$kills"
printf '| %-58s | %12s |\n' "acknowledged writes checked after kills" "$acked"
printf '| %-58s | %12s |\n' "writes lost (must be 0)" "$lost"
printf '| %-58s | %12s |\n' "plaintext hits (must be 0)" "$hits"
printf '| %-58s | %12s |\n' "exports killed while writing" "$exports_killed"
printf '| %-58s | %12s |\n' "their temporary files left after a start (must be 0)" "$exports_left"
printf '| %-58s | %12s |\n' "Ctrl+Q right after unlocking, clean exits" "$quits"
printf '| %-58s | %12s |\n' "fuzz cases run (all targets)" "$fuzz_total"
printf '%s' "$fuzz_rows"
echo
if (( lost != 0 || hits != 0 || exports_left != 0 )); then
  echo "robustness: writes lost, plaintext found or export files left" >&2
  exit 1
fi
