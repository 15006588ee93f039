#!/usr/bin/python3
# check-po.py — every translation in po/LINGUAS is there, valid and complete.
#
#   check-po.py SOURCE_ROOT
#
# Speaks TAP. For each language in po/LINGUAS: its .po exists; `msgfmt
# --check --statistics` passes (headers, plural forms, format strings); and,
# merged with a template made afresh from po/POTFILES.in (the way meson's
# i18n module makes pairwise.pot), nothing is left untranslated or fuzzy.
# A .po that LINGUAS does not list is an error too: it would never be built.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile

# meson's i18n preset "glib" (mesonbuild/modules/i18n.py), the keywords part.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
]

STATS = re.compile(r'(?:(\d+) translated messages?)?(?:, )?'
                   r'(?:(\d+) fuzzy translations?)?(?:, )?'
                   r'(?:(\d+) untranslated messages?)?\.')

results = []


def report(ok, description, details=''):
    results.append(ok)
    print(f'{"ok" if ok else "not ok"} {len(results)} - {description}')
    for line in details.strip().splitlines():
        print(f'# {line}')
    sys.stdout.flush()


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True,
                          env=dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE=''), **kwargs)


def statistics(path):
    """(translated, fuzzy, untranslated) from msgfmt --statistics, or the error."""
    proc = run(['msgfmt', '--check', '--statistics', '-o', os.devnull, path])
    if proc.returncode != 0:
        return None, proc.stderr
    m = STATS.search(proc.stderr)
    if not m:
        return None, 'cannot read: ' + proc.stderr
    return tuple(int(g or 0) for g in m.groups()), proc.stderr


def main():
    root = sys.argv[1]
    po_dir = os.path.join(root, 'po')
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        linguas = [w for line in f for w in line.split('#', 1)[0].split()]

    print(f'1..{2 * len(linguas) + 2}')

    unlisted = sorted(name[:-3] for name in os.listdir(po_dir)
                      if name.endswith('.po') and name[:-3] not in linguas)
    report(not unlisted, 'every po/*.po is listed in po/LINGUAS',
           ''.join(f'po/{lang}.po is not in po/LINGUAS: add it there, or it is never built\n'
                   for lang in unlisted))

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'pairwise.pot')
        proc = run(['xgettext', *XGETTEXT_ARGS, '--package-name=pairwise',
                    f'--directory={root}', f'--files-from={po_dir}/POTFILES.in',
                    f'--output={pot}'])
        template = proc.returncode == 0
        report(template, 'the template builds from po/POTFILES.in', '' if template else proc.stderr)

        for lang in linguas:
            po = os.path.join(po_dir, f'{lang}.po')
            if not os.path.exists(po):
                report(False, f'{lang}: msgfmt --check',
                       f'po/LINGUAS lists {lang} but po/{lang}.po is missing: '
                       f'write it (msginit -l {lang} -i pairwise.pot) or drop {lang} from LINGUAS')
                report(False, f'{lang}: complete', 'no po file')
                continue

            stats, output = statistics(po)
            report(stats is not None, f'{lang}: msgfmt --check --statistics', output)

            if not template:
                report(False, f'{lang}: complete', 'no template to compare with')
                continue
            merged = os.path.join(tmp, f'{lang}.po')
            proc = run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot])
            if proc.returncode != 0:
                report(False, f'{lang}: complete', proc.stderr)
                continue
            stats, output = statistics(merged)
            if stats is None:
                report(False, f'{lang}: complete', output)
                continue
            translated, fuzzy, untranslated = stats
            total = translated + fuzzy + untranslated
            report(fuzzy == 0 and untranslated == 0,
                   f'{lang}: complete ({translated} of {total} messages translated)',
                   '' if fuzzy == 0 and untranslated == 0 else
                   f'po/{lang}.po leaves {untranslated} untranslated and {fuzzy} fuzzy of '
                   f'{total} messages: update it with `ninja -C BUILDDIR pairwise-update-po`, '
                   f'then translate what is empty or marked fuzzy')

    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
