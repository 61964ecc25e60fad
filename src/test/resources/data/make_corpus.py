"""Writes the data-loader corpus in good/ and bad/, byte for byte (several files are deliberately not UTF-8).
Run from this folder: python3 make_corpus.py"""
import os


def w(path, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(path, 'wb') as f:
        f.write(data)


os.makedirs('good', exist_ok=True)
os.makedirs('bad', exist_ok=True)
rows = ''.join(f"{t},{v:.3f},{v*2+1:.3f}\n" for t, v in [(i, (i % 7) / 7) for i in range(40)])
w('good/series.csv', 'time,load,temp\n' + rows)
w('good/utf8-bom.csv', b'\xef\xbb\xbf' + ('time,load,temp\n' + rows).encode())
w('good/utf16le-bom.csv', b'\xff\xfe' + ('time,load,temp\r\n' + rows.replace('\n', '\r\n')).encode('utf-16-le'))
w('good/gbk-header.csv', ('时间,负荷,温度\n' + rows).encode('gbk'))
w('good/gb18030-header.csv', ('时间,负荷,温度𠀀\n' + rows).encode('gb18030'))
w('good/semicolon.csv', 'time;load;temp\n' + rows.replace(',', ';'))
w('good/semicolon-decimal-comma.csv', 'time;load;temp\n' + rows.replace(',', ';').replace('.', ','))
def de(x, fmt):
    """x as German Excel writes it: points between thousands, a decimal comma."""
    return format(x, fmt).replace(',', ' ').replace('.', ',').replace(' ', '.')


def fr(x, fmt):
    """x as French Excel writes it: no-break spaces between thousands, a decimal comma."""
    return format(x, fmt).replace(',', '\u00a0').replace('.', ',')


w('good/semicolon-thousands-decimal-comma.csv', 'time;load;temp\n' + ''.join(
    f"{de(1000000 + 1000 * t, ',')};{de(v, '.3f')};{fr(1000 + v * 2, ',.3f')}\n"
    for t, v in [(i, (i % 7) / 7) for i in range(40)]))
w('good/tab-decimal-comma.csv', 'time\tload\ttemp\r\n' + rows.replace(',', '\t').replace('.', ',').replace('\n', '\r\n'))
w('good/mixed-line-ends.csv', 'time,load,temp\r\n' + ''.join(
    r + ('\r\n' if i % 3 == 0 else '\r' if i % 3 == 1 else '\n') for i, r in enumerate(rows.strip().split('\n'))))
w('good/trailing-delimiter.csv', 'time,load,temp,\n' + rows.replace('\n', ',\n'))
w('good/quoted.csv', '"time","load","temp"\n' + ''.join(
    f'"{a}","{b}",{c}\n' for a, b, c in (r.split(',') for r in rows.strip().split('\n'))))
w('good/text-utf8.txt', 'Shall I compare thee to a summer\'s day?\n' * 10 + '春眠不觉晓 😀\n')
w('good/text-gbk.txt', ('春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n' * 20).encode('gbk'))
w('good/text-utf16be-bom.txt', b'\xfe\xff' + ('Hello, world.\n' * 30).encode('utf-16-be'))
w('bad/empty.csv', b'')
w('bad/header-only.csv', 'time,load,temp\n')
w('bad/invalid-utf8.csv', b'time,load,temp\n1,2,3\n4,\xff\xfe\xfa,6\n')
w('bad/ragged-more.csv', 'time,load,temp\n1,2,3\n4,5,6,7\n8,9,10\n')
w('bad/ragged-less.csv', 'time,load,temp\n1,2,3\n4,5\n8,9,10\n')
w('bad/embedded-newline.csv', 'time,load,temp\n1,2,3\n4,"5\n5",6\n')
w('bad/unmatched-quote.csv', 'time,load,temp\n1,"2,3\n4,5,6\n')
w('bad/nan-cell.csv', 'time,load,temp\n1,2,3\n4,NaN,6\n')
w('bad/inf-cell.csv', 'time,load,temp\n1,2,3\n4,Infinity,6\n')
w('bad/empty-cell.csv', 'time,load,temp\n1,2,3\n4,,6\n')
w('bad/overflow.csv', 'time,load,temp\n1,2,3\n4,1e400,6\n')
w('bad/decimal-comma.csv', 'time,load,temp\n1,"2,5",3\n4,5,6\n')
w('bad/mixed-decimal-marks.csv', 'time;load;temp\n1;2,5;3\n4;5.5;6\n')
w('bad/thousands-decimal-comma.csv', 'time;load;temp\n1;1.234;3\n4;5,5;6\n')
w('bad/thousands.csv', 'time,load,temp\n1,"1,234",3\n4,5,6\n')
w('bad/java-literals.csv', 'time,load,temp\n1,1d,3\n4,0x1p3,6\n')
w('bad/duplicate-header.csv', 'time,load,load\n1,2,3\n4,5,6\n')
w('bad/empty-header-name.csv', 'time,,temp\n1,2,3\n4,5,6\n')
w('bad/all-nan-column.csv', 'time,load,temp\n1,NaN,3\n4,NaN,6\n7,NaN,9\n')
w('bad/constant-column.csv', 'time,load,temp\n' + ''.join(f'{i},5,{i*2}\n' for i in range(40)))
w('bad/quote-in-field.csv', 'time,load,temp\n1,2"x,3\n')
w('bad/text-empty.txt', b'')
w('bad/text-latin1.txt', 'caf\u00e9 cr\u00e8me br\u00fbl\u00e9e \xff\n'.encode('latin-1') + b'\x80\x81\xff')
