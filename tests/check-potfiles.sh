#!/bin/sh
# check-potfiles.sh — po/POTFILES.in lists every file with translatable
# strings, lists only files that exist, and is sorted (LC_ALL=C).
#
#   tests/check-potfiles.sh [SOURCE_ROOT]
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

root="${1:-$(dirname "$0")/..}"
cd "$root" || exit 2
potfiles=po/POTFILES.in
export LC_ALL=C

if [ ! -f "$potfiles" ]; then
  echo "check-potfiles: $potfiles is missing" >&2
  exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT INT TERM

# The entries, without comments, blank lines and stray carriage returns.
sed -e 's/\r$//' -e '/^[[:space:]]*#/d' -e '/^[[:space:]]*$/d' "$potfiles" > "$tmp/listed"

failed=0
fail () {
  echo "check-potfiles: $*" >&2
  failed=1
}

if ! sort -c "$tmp/listed" 2>/dev/null; then
  fail "$potfiles is not sorted; sort it with: LC_ALL=C sort"
fi

sort "$tmp/listed" | uniq -d > "$tmp/dupes"
while IFS= read -r f; do
  fail "$potfiles lists $f more than once"
done < "$tmp/dupes"

while IFS= read -r f; do
  [ -f "$f" ] || fail "$potfiles lists $f, which does not exist"
done < "$tmp/listed"

# Sources that mark strings for translation: _("…"), N_("…"), C_("…", "…"),
# NC_, Q_, ngettext (…), g_dngettext (…) — with or without a space before
# the parenthesis — and GtkBuilder's translatable="yes".
find src ui -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \) 2>/dev/null \
  | sort > "$tmp/sources"
: > "$tmp/marked"
while IFS= read -r f; do
  if grep -Eq '(^|[^[:alnum:]_])(_|N_|C_|NC_|Q_)[[:space:]]*\([[:space:]]*"' "$f" \
     || grep -Eq '(^|[^[:alnum:]_])(g_d)?ngettext[[:space:]]*\(' "$f" \
     || grep -Eq 'translatable="(yes|true|1)"' "$f"; then
    echo "$f" >> "$tmp/marked"
  fi
done < "$tmp/sources"

# Desktop file, metainfo and schema are always translatable.
for f in data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml; do
  [ -f "$f" ] && echo "$f" >> "$tmp/marked"
done

while IFS= read -r f; do
  grep -Fqx "$f" "$tmp/listed" \
    || fail "$f has translatable strings but is missing from $potfiles"
done < "$tmp/marked"

if [ "$failed" -eq 0 ]; then
  echo "check-potfiles: $(wc -l < "$tmp/listed") files listed, all present and sorted"
fi
exit "$failed"
