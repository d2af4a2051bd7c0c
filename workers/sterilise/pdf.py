"""PDF documents: pikepdf removes what a PDF says about its author and tools, and anything that
could run or hide inside it; the pages themselves are kept as they are."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from .common import CannotSterilise, Removed, Sterilised, ordered

INFO = {
    "/Author": Removed.OWNER,
    "/Creator": Removed.SOFTWARE,
    "/Producer": Removed.SOFTWARE,
    "/CreationDate": Removed.TIME,
    "/ModDate": Removed.TIME,
    "/Title": Removed.TEXT,
    "/Subject": Removed.TEXT,
    "/Keywords": Removed.TEXT,
}
ACTIVE_ROOT_KEYS = ("/OpenAction", "/AA", "/AcroForm")
ACTIVE_NAMES = ("/JavaScript", "/EmbeddedFiles")


def sterilise_pdf(source: Path, workdir: Path) -> Sterilised:
    found: set[Removed] = set()
    try:
        with pikepdf.open(source) as pdf:
            info = pdf.trailer.get("/Info")
            if info is not None:
                for key in info:
                    found.add(INFO.get(str(key), Removed.OTHER))
                del pdf.trailer["/Info"]
            root = pdf.Root
            if "/Metadata" in root:
                found.add(Removed.XMP)
                del root["/Metadata"]
            for key in ACTIVE_ROOT_KEYS:
                if key in root:
                    found.add(Removed.SCRIPTS)
                    del root[key]
            names = root.get("/Names")
            if names is not None:
                for key in ACTIVE_NAMES:
                    if key in names:
                        found.add(Removed.SCRIPTS)
                        del names[key]
            if "/PieceInfo" in root:
                found.add(Removed.OTHER)
                del root["/PieceInfo"]
            for page in pdf.pages:
                for key in ("/Metadata", "/PieceInfo", "/AA"):
                    if key in page.obj:
                        found.add(Removed.SCRIPTS if key == "/AA" else Removed.OTHER)
                        del page.obj[key]
                for annotation in page.obj.get("/Annots", []):
                    if "/A" in annotation and annotation.A.get("/S") == "/JavaScript":
                        found.add(Removed.SCRIPTS)
                        del annotation["/A"]
            path = workdir / "copy.pdf"
            # A deterministic /ID: the random one could tie copies together; no XMP is written.
            pdf.remove_unreferenced_resources()
            pdf.save(path, deterministic_id=True, fix_metadata_version=False)
    except (pikepdf.PdfError, OSError, ValueError, KeyError, TypeError) as exc:
        raise CannotSterilise(type(exc).__name__) from exc
    return Sterilised(path, "application/pdf", "pdf", ordered(found))
