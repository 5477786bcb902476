"""The publishing build: the online site with the offline zip and the PDF in it.

Every MkDocs run builds a staged copy of docs/ (in the work folder) with the
repository's mkdocs.yml in strict mode, so docs/ and the rest of the work
tree are never written to. The steps:

0. flash cards: the Anki package and the CSV, from the normaliser's records.
1. print: docs/ plus print.md (the topic pages on one page, in reading
   order); Chromium prints that page to the PDF.
2. offline: the same plus the PDF and the offline wording of the downloads
   page, built with OFFLINE=true (Material's offline plugin, which loads the
   iframe-worker shim kept in docs/) and zipped with fixed timestamps.
3. online: the same plus the zip and the PDF, and the downloads page with
   their real sizes, built into the output folder.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from . import archive, downloads, flashcards, mkdocs_run, pdf, printpage, project

ROOT = project.ROOT


@dataclass(frozen=True)
class Result:
    site: Path  # the online site, to publish
    zip: Path
    pdf: pdf.PdfFile
    offline_site: Path  # the unzipped offline site, in the work folder
    epoch: int  # the build's timestamp (SOURCE_DATE_EPOCH, else the last commit's time)


def stage(work: Path, name: str) -> Path:
    """A fresh copy of docs/ under ``work`` to build from."""
    target = work / name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(project.DOCS, target)
    return target


def build(out: Path, work: Path) -> Result:
    out = out.resolve()
    work = work.resolve()
    for folder in (out, work):
        if folder == ROOT or folder in ROOT.parents or folder == project.DOCS or project.DOCS in folder.parents:
            raise SystemExit(f"refusing to build into {folder}: it would replace the sources")
    if out == work or out in work.parents or work in out.parents:
        raise SystemExit("the output and work folders must be apart: building one would wipe the other")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)

    site = project.site()
    topics = project.topics()
    epoch = project.source_date_epoch()
    print_md = printpage.compose(project.DOCS, topics, site, project.edition_date(epoch))

    def staged(name: str) -> Path:
        docs = stage(work, name)
        (docs / printpage.PAGE).write_text(print_md, encoding="utf-8")
        return docs

    # 0. The flash cards, in both sites' downloads.
    apkg, table = flashcards.write(work / "flashcards", site.name, site.url, epoch)
    cards = downloads.Cards(apkg_size=apkg.stat().st_size, csv_size=table.stat().st_size)

    def add_downloads(docs: Path, *files: Path) -> None:
        (docs / downloads.FOLDER).mkdir(exist_ok=True)
        for file in files:
            shutil.copyfile(file, docs / downloads.FOLDER / file.name)

    # 1. The printable page, and the PDF printed from it.
    print_docs = staged("docs-print")
    print_site = work / "site-print"
    mkdocs_run.run(project.MKDOCS_YML, print_docs, print_site, offline=False, epoch=epoch)
    pdf_work = work / downloads.PDF_NAME
    made_pdf = pdf.make_pdf(
        print_site / "print" / "index.html",
        pdf_work,
        name=site.name,
        title=site.name,
        subject=site.description,
        epoch=epoch,
    )

    # 2. The offline site, zipped.
    offline_docs = staged("docs-offline")
    add_downloads(offline_docs, pdf_work, apkg, table)
    downloads.write(offline_docs, downloads.region_offline(made_pdf.size, made_pdf.pages, site.url, cards))
    offline_site = work / "offline" / downloads.TOP_FOLDER
    mkdocs_run.run(project.MKDOCS_YML, offline_docs, offline_site, offline=True, epoch=epoch)
    zip_work = work / downloads.ZIP_NAME
    archive.make_zip(offline_site, zip_work, downloads.TOP_FOLDER, epoch)

    # 3. The online site, with both downloads in it.
    online_docs = staged("docs-online")
    add_downloads(online_docs, pdf_work, zip_work, apkg, table)
    downloads.write(online_docs, downloads.region_online(zip_work.stat().st_size, made_pdf.size, made_pdf.pages, cards))
    mkdocs_run.run(project.MKDOCS_YML, online_docs, out, offline=False, epoch=epoch)

    published = out / downloads.FOLDER
    return Result(
        site=out,
        zip=published / downloads.ZIP_NAME,
        pdf=pdf.PdfFile(path=published / downloads.PDF_NAME, size=made_pdf.size, pages=made_pdf.pages),
        offline_site=offline_site,
        epoch=epoch,
    )
