"""A reproducible zip: one top folder, entries sorted, fixed times and modes.

Two builds of the same commit give byte-identical archives, so a changed zip
means changed content.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path


def make_zip(folder: Path, destination: Path, top: str, epoch: int) -> None:
    """Zip ``folder`` as ``top/``: every folder and file under it, sorted by name."""
    stamp = time.gmtime(epoch)[:6]
    entries: dict[str, Path | None] = {f"{top}/": None}
    for path in folder.rglob("*"):
        name = f"{top}/{path.relative_to(folder).as_posix()}"
        if path.is_dir():
            entries[name + "/"] = None
        elif path.is_file():
            entries[name] = path
    destination.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(destination, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3  # Unix: the modes below are meant as Unix modes
            source = entries[name]
            if source is None:
                info.external_attr = (0o40755 << 16) | 0x10  # a folder, rwxr-xr-x
                archive.writestr(info, b"")
            else:
                info.external_attr = 0o100644 << 16  # a file, rw-r--r--
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, source.read_bytes(), compresslevel=9)
