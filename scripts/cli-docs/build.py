#!/usr/bin/env python3
"""Builds docs/cli.md from cli.md.in, pasting the real outputs gen.sh wrote.

Usage: build.py OUTPUT_DIR TEMPLATE TARGET
"""
import re, subprocess, sys
O = sys.argv[1]
def rd(name, ext):
    with open(f'{O}/{name}.{ext}', encoding='utf-8') as f:
        return f.read().replace('\r\n', '\n')
def strip_nl(t):
    return t[:-1] if t.endswith('\n') else t
def sub(m):
    parts = m.group(1).split(' ', 2)
    op = parts[0]
    if op == 'OUT':
        return rd(parts[1], 'out').rstrip('\n')
    if op == 'ERR':
        return rd(parts[1], 'err').rstrip('\n')
    if op == 'RC':
        return rd(parts[1], 'rc').strip()
    if op == 'LINES':  # LINES name a-b[,c-d...]  (1-based, inclusive; '…' between ranges)
        lines = rd(parts[1], 'out').split('\n')
        if lines and lines[-1] == '': lines.pop()
        out = []
        ranges = parts[2].split(',')
        for k, r in enumerate(ranges):
            a, b = r.split('-')
            a = int(a); b = len(lines) if b == '$' else int(b)
            if k > 0 or a > 1: out.append('…')
            out.extend(lines[a-1:b])
        last_b = ranges[-1].split('-')[1]
        if last_b != '$' and any(l.strip() for l in lines[int(last_b):]): out.append('…')
        return '\n'.join(out)
    if op == 'JQ':  # JQ name filter
        r = subprocess.run(['jq', parts[2]], input=rd(parts[1], 'out'), capture_output=True, text=True, check=True)
        return strip_nl(r.stdout)
    if op == 'JQC':
        r = subprocess.run(['jq', '-c', parts[2]], input=rd(parts[1], 'out'), capture_output=True, text=True, check=True)
        return strip_nl(r.stdout)
    if op == 'FILE':
        with open(f'{O}/{parts[1]}', encoding='utf-8') as f: return strip_nl(f.read())
    raise SystemExit('unknown op ' + op)
src = open(sys.argv[2], encoding='utf-8').read()
doc = re.sub(r'@@(.+?)@@', sub, src)
open(sys.argv[3], 'w', encoding='utf-8').write(doc)
