"""The built book as a research object: ``ro-crate-metadata.json`` at the root of the site.

RO-Crate 1.1 (https://w3id.org/ro/crate/1.1), written with the maintained ``rocrate`` library.
The crate describes the site as a Dataset: the chapter notebooks (with outputs), the data
packages (every file with its sha256), the claims register and its schema, the software and
versions the book ran with, the licences, the paper, the comment and the replies as cited works,
and the authors' Zenodo record as the source data the book expects. Bookkeeping of the book,
not physics. Everything in it is deterministic (no build time stamp): the release date comes
from ``CITATION.cff``.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import yaml

from nickelate_utils import PAPER_DOI
from nickelate_utils.provenance import package_versions

__all__ = ["CITED_WORKS", "CRATE_NAME", "SOURCE_DATA_DOI", "copy_data_packages", "write_crate"]

CRATE_NAME = "ro-crate-metadata.json"
RO_CRATE_VERSION = "1.1"
SOURCE_DATA_DOI = "10.5281/zenodo.17310348"

CITED_WORKS: tuple[dict[str, str], ...] = (
    {"@id": f"https://doi.org/{PAPER_DOI}", "@type": "ScholarlyArticle",
     "name": "Li, F. et al. Bulk superconductivity up to 96 K in pressurized nickelate single crystals. "
             "Nature (2025)", "description": "The paper this book reproduces."},
    {"@id": "https://doi.org/10.48550/arXiv.2602.23240", "@type": "ScholarlyArticle",
     "name": "Korolev, A. V. & Talantsev, E. F. Threefold error in the reported zero-field cooled magnetic "
             "moment of single crystal La2SmNi2O7. arXiv:2602.23240 (2026)",
     "description": "Published comment on the volume fraction (chapter 5)."},
    {"@id": "https://arxiv.org/abs/2602.23842", "@type": "ScholarlyArticle",
     "name": "arXiv:2602.23842, reply to the comment",
     "description": "Reply by the original authors, identified from a secondary listing only; its text was "
                    "not read (see chapter 5)."},
    {"@id": "https://arxiv.org/abs/2603.01062", "@type": "ScholarlyArticle",
     "name": "arXiv:2603.01062, response on demagnetization-corrected volume fractions",
     "description": "Response by the original authors, identified from a secondary listing only; its text "
                    "was not read (see chapter 5)."},
)
"""Works the book is about: the paper, the comment and the replies (identifiers as known)."""

KEY_SOFTWARE_URLS: dict[str, str] = {
    "jupyter-book": "https://jupyterbook.org",
    "numpy": "https://numpy.org",
    "scipy": "https://scipy.org",
    "pandas": "https://pandas.pydata.org",
    "matplotlib": "https://matplotlib.org",
    "lmfit": "https://lmfit.github.io/lmfit-py/",
    "uncertainties": "https://uncertainties.readthedocs.io",
    "pymatgen-core": "https://pymatgen.org",
    "frictionless": "https://framework.frictionlessdata.io",
    "myst-nb": "https://myst-nb.readthedocs.io",
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_data_packages(data_dir: Path, site: Path) -> list[Path]:
    """Copy every data package (descriptor and tables, not ``data/source/``) into ``site/data/``,
    so readers can download them and the crate can name them. Returns the copied files."""
    copied: list[Path] = []
    for descriptor in sorted(data_dir.glob("*/datapackage.json")):
        target = site / "data" / descriptor.parent.name
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(descriptor.parent.iterdir()):
            if path.is_file():
                shutil.copyfile(path, target / path.name)
                copied.append(target / path.name)
    return copied


def _citation(repo: Path) -> dict[str, Any]:
    return yaml.safe_load((repo / "CITATION.cff").read_text(encoding="utf-8"))


def write_crate(site: Path, repo: Path) -> Path:
    """Write ``site/ro-crate-metadata.json`` describing the built site (see the module docstring).

    Expects the notebooks under ``site/notebooks/``, the data packages under ``site/data/``
    (:func:`copy_data_packages`) and ``claims.json`` with its schema at the root of ``site``.
    """
    from rocrate.model.contextentity import ContextEntity
    from rocrate.rocrate import ROCrate

    cff = _citation(repo)
    crate = ROCrate(version=RO_CRATE_VERSION)
    root = crate.root_dataset
    root["name"] = cff["title"]
    root["description"] = (
        "Executable companion (Jupyter Book) that reproduces, figure by figure and as far as public "
        f"information allows, Li, F. et al., Nature (2025), doi:{PAPER_DOI}. Every number is published, "
        "literature, derived or reconstructed; the claims register records each with its evidence."
    )
    root["datePublished"] = str(cff["date-released"])
    root["version"] = str(cff["version"])
    root["keywords"] = list(cff.get("keywords", []))
    code_licence = crate.add(ContextEntity(crate, "https://spdx.org/licenses/MIT", properties={
        "@type": "CreativeWork", "name": "MIT License", "description": "Licence of the book's code"}))
    data_licence = crate.add(ContextEntity(crate, "https://spdx.org/licenses/CC-BY-4.0", properties={
        "@type": "CreativeWork", "name": "Creative Commons Attribution 4.0",
        "description": "Licence of the transcribed tables (facts from the cited paper)"}))
    root["license"] = code_licence
    author = crate.add(ContextEntity(crate, "#authors", properties={
        "@type": "Organization", "name": cff["authors"][0]["name"]}))
    root["author"] = author

    cited = [crate.add(ContextEntity(crate, w["@id"], properties={k: v for k, v in w.items() if k != "@id"}))
             for w in CITED_WORKS]
    root["citation"] = cited
    source = crate.add(ContextEntity(crate, f"https://doi.org/{SOURCE_DATA_DOI}", properties={
        "@type": "CreativeWork", "additionalType": "Dataset",
        "name": "Source data of Li et al. (2025), Zenodo",
        "description": "The authors' source data; not reachable from the build machines. Placed under "
                       "data/source/, the chapters analyse them instead of reconstructions."}))
    root["isBasedOn"] = [cited[0], source]

    software = []
    for name, version in package_versions().items():
        props = {"@type": "SoftwareApplication", "name": name, "softwareVersion": version}
        if name in KEY_SOFTWARE_URLS:
            props["url"] = KEY_SOFTWARE_URLS[name]
        software.append(crate.add(ContextEntity(crate, f"#software-{name}", properties=props)))
    root["mentions"] = software

    def add(path: Path, **props: Any) -> Any:
        rel = path.relative_to(site).as_posix()
        return crate.add_file(path, dest_path=rel, properties={
            "sha256": _sha256(path), "contentSize": str(path.stat().st_size), **props})

    for nb in sorted((site / "notebooks").glob("*.ipynb")):
        add(nb, name=f"Chapter notebook {nb.stem} (with outputs)", encodingFormat="application/x-ipynb+json",
            license=code_licence)
    add(site / "claims.json", name="Claims register", encodingFormat="application/json",
        conformsTo={"@id": "claims.schema.json"})
    add(site / "claims.schema.json", name="JSON Schema of the claims register",
        encodingFormat="application/schema+json")
    for descriptor in sorted((site / "data").glob("*/datapackage.json")):
        parts = [add(descriptor, name=f"Frictionless descriptor of data package {descriptor.parent.name}",
                     encodingFormat="application/json",
                     conformsTo={"@id": "https://specs.frictionlessdata.io/data-package/"})]
        parts += [add(csv, name=f"Table {csv.stem} of data package {descriptor.parent.name}",
                      encodingFormat="text/csv", license=data_licence)
                  for csv in sorted(descriptor.parent.glob("*.csv"))]
        crate.add_dataset(dest_path=descriptor.parent.relative_to(site).as_posix() + "/", properties={
            "name": f"Data package {descriptor.parent.name}", "hasPart": parts, "license": data_licence})
    crate.metadata.write(str(site))
    return site / CRATE_NAME
