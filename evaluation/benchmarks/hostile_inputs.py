"""Benchmark: hostile and oversized inputs are refused (or read) within bounded time and memory.

Each case builds its input in a temporary folder, then runs the command a user would run
(``clause-atlas ingest``, or ``import-qdpx``) in a fresh process and records wall time, peak
memory (the child's maximum resident set) and the one line it printed. The goals come from
issue 12: every decompression bomb and hostile archive refused within 60 s and 1.5 GB; the
pathological 96 KB Markdown file read in under 30 s. Results go to ``hostile_inputs.json``::

    python -m evaluation.benchmarks.hostile_inputs
"""

from __future__ import annotations

import argparse
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).parent
GOAL_SECONDS, GOAL_MB = 60.0, 1536.0
# Cases with a stricter time goal.
GOAL_SECONDS_FOR = {"Markdown, 96 KB of emphasis marks": 30.0}
PARAGRAPH = "De werkgever informeert de ondernemingsraad vooraf over de invoering van camerabewaking."
_DOCX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
_DOCX_TAIL = "</w:body></w:document>"


def _docx_with_body(path: Path, chunks: Callable[[], object]) -> None:
    """A DOCX whose document.xml streams from ``chunks`` (an iterator of str), deflated on the fly."""
    import docx

    base = path.with_suffix(".base.docx")
    docx.Document().save(str(base))
    with zipfile.ZipFile(base) as z, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            if info.filename != "word/document.xml":
                w.writestr(info, z.read(info.filename))
        with w.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(_DOCX_HEAD.encode())
            for chunk in chunks():  # type: ignore[attr-defined]
                fh.write(chunk.encode())
            fh.write(_DOCX_TAIL.encode())
    base.unlink()


def docx_spaces_1gb(folder: Path) -> list[str]:
    """A DOCX whose one paragraph holds 1 GB of spaces (a 1 MB file)."""
    f = folder / "spaties.docx"

    def chunks():  # type: ignore[no-untyped-def]
        yield f'<w:p><w:r><w:t xml:space="preserve">{PARAGRAPH}'
        block = " " * (1 << 20)
        for _ in range(1024):
            yield block
        yield "</w:t></w:r></w:p>"

    _docx_with_body(f, chunks)
    return ["ingest", str(f), "--no-code"]


def docx_paragraphs_80mb(folder: Path) -> list[str]:
    """A DOCX with 80 MB of paragraphs (a few hundred KB packed)."""
    f = folder / "alinea.docx"
    para = f"<w:p><w:r><w:t>{PARAGRAPH}</w:t></w:r></w:p>"

    def chunks():  # type: ignore[no-untyped-def]
        block = para * 1000
        for _ in range(80 * (1 << 20) // len(block)):
            yield block

    _docx_with_body(f, chunks)
    return ["ingest", str(f), "--no-code"]


def _understated(path: Path, name: str, payload_mb: int, claimed: int) -> None:
    """A zip whose entry ``name`` unpacks to ``payload_mb`` MB while its headers claim ``claimed`` bytes."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = b"".join(comp.compress(b"<" * (1 << 20)) for _ in range(payload_mb)) + comp.flush()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, b"<")
    raw = bytearray(path.read_bytes())
    # rebuild: local header + data + central directory with the claimed size
    info = zipfile.ZipFile(path).getinfo(name)
    local = bytearray(raw[info.header_offset : info.header_offset + 30 + len(name)])
    struct.pack_into("<III", local, 14, 0, len(data), claimed)  # crc, packed size, claimed size
    central = (
        bytearray(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0,
                0,
                len(data),
                claimed,
                len(name),
                0,
                0,
                0,
                0,
                0,
                0,
            )
        )
        + name.encode()
    )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    path.write_bytes(bytes(local) + data + bytes(central) + end)


def qdpx_understated(folder: Path) -> list[str]:
    """A QDPX whose project.qde unpacks to 2 GB while its headers claim 1 KB."""
    f = folder / "liegt.qdpx"
    _understated(f, "project.qde", 2048, 1024)
    return ["import-qdpx", str(f)]


def qdpx_bomb(folder: Path) -> list[str]:
    """A QDPX whose project.qde honestly unpacks to 1 GB (ratio about 1000)."""
    f = folder / "bom.qdpx"
    with (
        zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z,
        z.open("project.qde", "w", force_zip64=True) as fh,
    ):
        for _ in range(1024):
            fh.write(b" " * (1 << 20))
    return ["import-qdpx", str(f)]


def file_3gb(folder: Path) -> list[str]:
    """A 3 GB text file (sparse on disk)."""
    f = folder / "groot.txt"
    with f.open("wb") as fh:
        fh.truncate(3 * (1 << 30))
    return ["ingest", str(f), "--no-code"]


def text_50mb(folder: Path) -> list[str]:
    """A 50 MB plain text (just under the file limit), with coding on."""
    f = folder / "lang.txt"
    with f.open("w", encoding="utf-8") as fh:
        block = (PARAGRAPH + "\n\n") * 1000
        for _ in range(50 * (1 << 20) // len(block.encode()) - 1):
            fh.write(block)
    return ["ingest", str(f)]


def markdown_96kb(folder: Path) -> list[str]:
    """96 KB of Markdown full of unmatched emphasis marks (quadratic for a naive pattern)."""
    f = folder / "sterren.md"
    line = "*a " * 40 + "_b " * 40 + PARAGRAPH + "\n"
    f.write_text(line * (96 * 1024 // len(line)), encoding="utf-8")
    return ["ingest", str(f), "--no-code"]


def html_deep(folder: Path) -> list[str]:
    """HTML nested 100,000 elements deep."""
    f = folder / "diep.html"
    f.write_text("<div>" * 100_000 + PARAGRAPH + "</div>" * 100_000, encoding="utf-8")
    return ["ingest", str(f), "--no-code"]


CASES: dict[str, Callable[[Path], list[str]]] = {
    "DOCX, 1 GB of spaces": docx_spaces_1gb,
    "DOCX, 80 MB of paragraphs": docx_paragraphs_80mb,
    "QDPX, header understates 2 GB": qdpx_understated,
    "QDPX, 1 GB bomb": qdpx_bomb,
    "text file of 3 GB": file_3gb,
    "text of 50 MB, coding on": text_50mb,
    "Markdown, 96 KB of emphasis marks": markdown_96kb,
    "HTML nested 100,000 deep": html_deep,
}


def run(argv: list[str], store: Path, log: Path) -> dict[str, object]:
    """Run the CLI in a fresh process: wall time, its own peak memory, exit code, last line."""
    cli = Path(sys.executable).with_name("clause-atlas")
    t0 = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(cli), "--store", str(store), *argv], stdout=out, stderr=subprocess.STDOUT
        )
        _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    text = log.read_text(errors="replace")
    lines = [x for x in text.splitlines() if x.strip()]
    return {
        "seconds": round(seconds, 1),
        "peak_mb": round(usage.ru_maxrss / 1024),
        "exit": os.waitstatus_to_exitcode(status),
        "traceback": "Traceback" in text,
        "message": lines[-1][:200] if lines else "",
    }


def main() -> None:
    """Run every case and write the result file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="run the cases whose name contains this")
    args = ap.parse_args()
    results = []
    for name, build in CASES.items():
        if args.only and args.only.lower() not in name.lower():
            continue
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            argv = build(folder)
            store = folder / "s.duckdb"
            if argv[0] == "import-qdpx":  # a store to import into
                subprocess.run(
                    [str(Path(sys.executable).with_name("clause-atlas")), "--store", str(store), "stats"],
                    capture_output=True,
                    check=False,
                )
            size = Path(argv[1]).stat().st_size
            r = run(argv, store, folder / "log.txt")
        ok = (
            float(r["seconds"]) <= GOAL_SECONDS_FOR.get(name, GOAL_SECONDS)
            and float(r["peak_mb"]) <= GOAL_MB
            and not r["traceback"]
        )
        results.append({"case": name, "input_bytes": size, **r, "within_goal": ok})
        print(
            f"{name:<36} {r['seconds']:>6} s {r['peak_mb']:>6} MB  exit {r['exit']}  "
            f"{'ok' if ok else 'OVER'}  {str(r['message'])[:90]}",
            flush=True,
        )
    out = HERE / "hostile_inputs.json"
    payload = {"goal": {"seconds": GOAL_SECONDS, "peak_mb": GOAL_MB}, "results": results}
    out.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"-> {out}")


if __name__ == "__main__":
    main()
