"""The library's file sniffing (``intranet/core/file_types.py``) against an earlier version.

Sniffs every file of the shared corpus (real PDFs from many producers in
``pdf/``, files built to hurt the pipeline in ``hostile/``) and a few files of
the other accepted formats built here, with the module as it stands and with
its version at a git revision (``HEAD`` by default, loaded into a temporary
module). For each file it compares what ``identify`` says and whether
``matches_extension`` accepts the file under each allowed extension, then
prints the disagreements and the time per file of each version.

    .venv/bin/python bench/file_types.py [CORPUS] [--against REV] [--repeat N]
    FILE_TYPES_CORPUS=/path/to/corpus .venv/bin/python bench/file_types.py

CORPUS defaults to ``../shared/corpus`` from the project root.
"""

import argparse
import importlib.util
import io
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")
MODULE = "intranet/core/file_types.py"
EARLIER_MODULE = "intranet/library/file_types.py"  # where it lived before the core

import django  # noqa: E402

django.setup()

from intranet.core import file_types as current  # noqa: E402


def load_revision(revision):
    for module_path in (MODULE, EARLIER_MODULE):
        shown = subprocess.run(
            ["git", "show", f"{revision}:{module_path}"], cwd=ROOT, capture_output=True
        )
        if shown.returncode == 0:
            break
    shown.check_returncode()
    source = shown.stdout
    path = Path(tempfile.mkdtemp()) / "file_types_at_revision.py"
    path.write_bytes(source)
    spec = importlib.util.spec_from_file_location("file_types_at_revision", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_files(corpus):
    return {
        f"{path.parent.name}/{path.name}": path.read_bytes()
        for folder in ("pdf", "hostile")
        for path in sorted((corpus / folder).glob("*"))
        if path.is_file() and path.suffix != ".md" and path.name not in {"LICENSE", "files.json"}
    }


def _zip(entries, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def _image(kind):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "teal").save(buffer, kind)
    return buffer.getvalue()


def built_files():
    """The corpus holds PDFs only: one or two files of every other kind the library takes."""
    from docx import Document

    document = Document()
    document.add_paragraph("Compte rendu de la réunion du conseil communal")
    docx = io.BytesIO()
    document.save(docx)
    rels = "<Relationships/>"
    return {
        "built/python-docx.docx": docx.getvalue(),
        "built/word-entries-last.docx": _zip(
            [("docProps/thumbnail.jpeg", random.Random(3).randbytes(9000))]
            + [(name, rels) for name in ("[Content_Types].xml", "_rels/.rels")]
            + [(f"customXml/item{n}.xml", rels) for n in range(4)]
            + [("word/document.xml", "<w:document/>")]
        ),
        "built/word-first-no-content-types.docx": _zip([("word/document.xml", "<w:document/>")]),
        "built/workbook.xlsx": _zip([("[Content_Types].xml", rels), ("xl/workbook.xml", rels)]),
        "built/slides.pptx": _zip([("[Content_Types].xml", rels), ("ppt/presentation.xml", rels)]),
        "built/stored-mimetype.odt": _zip(
            [("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", rels)],
            zipfile.ZIP_STORED,
        ),
        "built/deflated-mimetype.ods": _zip(
            [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", rels)]
        ),
        "built/compound-file.doc": current.OLE2 + bytes(4088),
        "built/scan.png": _image("PNG"),
        "built/photo.jpg": _image("JPEG"),
        "built/tableau.csv": "Service;Visites\nBMCE;3\nÉtat civil;120\n".encode(),
        "built/notes.txt": "ملاحظات الاجتماع\n".encode(),
        "built/preamble.pdf": b"\r\n" * 20 + b"%PDF-1.4\n%%EOF\n",
        "built/program.exe": b"MZ\x90\x00\x03" + bytes(500),
        "built/program.elf": b"\x7fELF\x02\x01\x01" + bytes(500),
        "built/random.bin": random.Random(1).randbytes(4096),
        "built/empty-archive.zip": b"PK\x05\x06" + bytes(18),
    }


def verdict(module, content):
    """What the module says of a file: its kind, and the extensions it would accept it under."""
    accepted = tuple(
        extension
        for extension in sorted(module.CHECKS)
        if module.matches_extension(extension, io.BytesIO(content))
    )
    return module.identify(content[: module.HEAD_BYTES]), accepted


def upload_check(module, name, content):
    """What an upload costs: the check of the file's own extension, and the refusal's words."""
    extension = name.rsplit(".", 1)[-1]
    stream = io.BytesIO(content)
    module.matches_extension(extension, stream)
    module.identify(stream.read(module.HEAD_BYTES))


def seconds_per_file(module, files, repeat):
    started = time.perf_counter()
    for _ in range(repeat):
        for name, content in files.items():
            upload_check(module, name, content)
    return (time.perf_counter() - started) / repeat / len(files)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=Path(os.environ.get("FILE_TYPES_CORPUS", ROOT.parent / "shared" / "corpus")),
    )
    parser.add_argument("--against", default="HEAD", help="git revision of the other version")
    parser.add_argument("--repeat", type=int, default=50)
    arguments = parser.parse_args()

    other = load_revision(arguments.against)
    files = corpus_files(arguments.corpus)
    if not files:
        sys.exit(f"no corpus at {arguments.corpus}")
    files |= built_files()

    disagreements = 0
    for name, content in files.items():
        before, after = verdict(other, content), verdict(current, content)
        if before != after:
            disagreements += 1
            print(f"{name}\n    {arguments.against}: {before}\n    now:  {after}")
    print(f"\n{len(files)} files ({len(files) - len(built_files())} from {arguments.corpus})")
    print(f"same verdict on {len(files) - disagreements}, different on {disagreements}")

    # Rounds taken in turn, the best of each kept: the CPU is shared, and a busy moment
    # should not count against whichever version happened to run then.
    best = {}
    for _round in range(5):
        for label, module in ((arguments.against, other), ("now", current)):
            per_file = seconds_per_file(module, files, arguments.repeat)
            best[label] = min(best.get(label, per_file), per_file)
    for label, per_file in best.items():
        print(f"{label:<12} {per_file * 1e6:8.1f} µs per file (upload check)")


if __name__ == "__main__":
    main()
