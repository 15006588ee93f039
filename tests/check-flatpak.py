#!/usr/bin/python3
# check-flatpak.py — the Flatpak manifest, checked as far as an offline
# machine can: its shape, its sandbox and its sources.
#
#   check-flatpak.py SOURCE_ROOT
#
# Speaks TAP. flatpak-builder is not needed: the keys are checked against
# what flatpak-builder requires, the finish-args against what Pairwise
# needs (files go through portals; it never uses the network), and every
# source is either downloaded and pinned (url + sha256, or a git commit or
# tag) or a local path that exists.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sys

# What the app needs: Wayland, X11 only where Wayland is missing, the GPU
# for GTK's renderer, and IPC for X11's shared memory.
ALLOWED_FINISH_ARGS = {
    '--share=ipc',
    '--socket=fallback-x11',
    '--socket=wayland',
    '--device=dri',
}
FORBIDDEN = re.compile(r'^--(filesystem=|share=network|socket=(x11|session-bus|system-bus|pulseaudio)$|device=all|talk-name=org\.freedesktop\.Flatpak)')

results = []


def check(ok, description, details=''):
    results.append(bool(ok))
    print(f'{"ok" if ok else "not ok"} {len(results)} - {description}')
    if not ok:
        for line in details.strip().splitlines():
            print(f'# {line}')


def main():
    root = sys.argv[1]
    manifest_dir = os.path.join(root, 'flatpak')
    with open(os.path.join(root, 'meson.build'), encoding='utf-8') as f:
        app_id = re.search(r"^app_id = '([^']+)'", f.read(), re.M).group(1)
    path = os.path.join(manifest_dir, f'{app_id}.json')

    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print('1..1')
        check(False, f'{path} is valid JSON', str(e))
        return 1
    check(True, 'the manifest is valid JSON')

    check(manifest.get('id', manifest.get('app-id')) == app_id,
          f'its id is the app id {app_id}',
          f'found {manifest.get("id", manifest.get("app-id"))!r}')

    required = ['id', 'runtime', 'runtime-version', 'sdk', 'command', 'finish-args', 'modules']
    missing = [k for k in required if k not in manifest]
    check(not missing, 'the required keys are there', f'missing: {", ".join(missing)}')

    check(manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk',
          'the GNOME runtime and SDK',
          f'runtime {manifest.get("runtime")!r}, sdk {manifest.get("sdk")!r}')
    version = str(manifest.get('runtime-version', ''))
    check(re.fullmatch(r'\d+', version) is not None,
          f'a stable GNOME runtime version ({version})',
          'runtime-version should be a stable release such as "50", not master or nightly')

    args = manifest.get('finish-args', [])
    bad = [a for a in args if FORBIDDEN.match(a)]
    check(not bad, 'no host files, network, session bus or whole-device access', '\n'.join(bad))
    extra = [a for a in args if a not in ALLOWED_FINISH_ARGS]
    check(not extra, 'only the finish-args the app needs', '\n'.join(f'not needed: {a}' for a in extra))
    networked = [m.get('name', '?') for m in manifest.get('modules', []) if isinstance(m, dict)
                 and '--share=network' in m.get('build-options', {}).get('build-args', [])]
    networked += ['(all)'] if '--share=network' in manifest.get('build-options', {}).get('build-args', []) else []
    check(not networked, 'no network at build time beyond the declared sources',
          '\n'.join(f'{n}: build-args has --share=network' for n in networked))

    problems = []
    modules = manifest.get('modules', [])
    for module in modules:
        if isinstance(module, str):
            if not os.path.exists(os.path.join(manifest_dir, module)):
                problems.append(f'module file {module} does not exist')
            continue
        name = module.get('name', '?')
        if not module.get('sources'):
            problems.append(f'{name}: no sources')
        for source in module.get('sources', []):
            kind = source.get('type')
            if kind is None:
                problems.append(f'{name}: a source without a type')
            elif kind in ('archive', 'file') and 'url' in source:
                if not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
                    problems.append(f'{name}: {source["url"]} has no sha256')
                if not source['url'].startswith('https://'):
                    problems.append(f'{name}: {source["url"]} is not https')
            elif kind == 'git' and 'url' in source:
                if not (source.get('commit') or source.get('tag')):
                    problems.append(f'{name}: git {source["url"]} is not pinned to a tag or commit')
            elif 'path' in source:
                if not os.path.exists(os.path.join(manifest_dir, source['path'])):
                    problems.append(f'{name}: local path {source["path"]} does not exist')
            else:
                problems.append(f'{name}: a {kind} source with neither url+sha256 nor a local path')
    check(not problems, 'every source is pinned or local', '\n'.join(problems))

    app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    check(app.get('buildsystem') == 'meson', 'the app itself is built with meson',
          f'last module: {app.get("name")!r}, buildsystem {app.get("buildsystem")!r}')

    command = manifest.get('command', '')
    found = False
    for dirpath, _, files in os.walk(os.path.join(root, 'src')):
        if 'meson.build' in files:
            with open(os.path.join(dirpath, 'meson.build'), encoding='utf-8') as f:
                if re.search(r"executable\(\s*'" + re.escape(command) + "'", f.read()):
                    found = True
    check(found, f'the command {command!r} is an executable built in src/',
          f'no executable(\'{command}\', …) in src/**/meson.build')

    print(f'1..{len(results)}')
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
