#!/usr/bin/env bash
# Every plugin built in this tree passes `factpipe check-plugin`.
set -uo pipefail
shopt -s nullglob
plugins=("$PLUGIN_DIR"/*.so)
if [ ${#plugins[@]} -eq 0 ]; then
  echo "no plugins in $PLUGIN_DIR; build them first" >&2
  exit 1
fi
failed=0
for plugin in "${plugins[@]}"; do
  if ! "$FACTPIPE" check-plugin "$plugin"; then
    echo "check-plugin failed for $plugin" >&2
    failed=1
  fi
  echo
done
exit $failed
