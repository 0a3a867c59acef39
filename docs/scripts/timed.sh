# Sourced by the reproduction scripts. timed LABEL COMMAND...: runs the command and appends its wall time to
# $work/times.txt.
timed() {
  local label="$1" start end
  shift
  start=$(date +%s)
  "$@"
  end=$(date +%s)
  echo "$label $((end - start)) s" | tee -a "$work/times.txt"
}
