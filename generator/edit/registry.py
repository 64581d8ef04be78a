"""Edit, registry: add an organisation to organisations.yaml in place, keeping its comments and
layout (edit/yamledit.py), so that an adoption or a proposal from an organisation new to the
catalogue can name it. The new entry goes where its code sorts when the codes are in order (as
the guide asks people to keep them), else at the end; the edit is kept only if the registry
still validates."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from generator.edit.yamledit import edit_yaml
from generator.errors import EditError
from generator.layout import CatalogueRoot, display_path
from generator.problems import Result
from generator.report import format_problem
from generator.validate.catalogue import load_registry

REGISTRY_KEY = "organisations"


def add_organisation(root: Path, code: str, name: str, kind: str, region: str) -> bool:
    """Add organisation `code` to the registry; False (and the file untouched) when it is there."""
    path = CatalogueRoot.at(root).require().registry

    def change(data: CommentedMap) -> bool:
        organisations = data.get(REGISTRY_KEY)
        if not isinstance(organisations, CommentedMap):
            raise EditError(f"{display_path(path)}: `{REGISTRY_KEY}` is not a mapping of ODS codes; "
                            f"run `catalogue validate` and fix it first")
        if code in organisations:
            return False
        entry = CommentedMap()
        entry["name"], entry["type"], entry["region"] = name, kind, region
        codes = [str(c) for c in organisations]
        in_order = codes == sorted(codes)
        position = sum(1 for c in codes if c < code) if in_order else len(codes)
        if organisations.fa.flow_style():
            organisations.fa.set_block_style()  # `organisations: {}` becomes a block mapping
        organisations.insert(position, code, entry)
        return True

    def check() -> None:
        result = Result()
        load_registry(root, result)
        if not result.success:
            raise EditError(f"{code} was not added, because the registry would not validate (it is unchanged):\n"
                            + "".join(f"  {format_problem(p)}\n" for p in result.sorted() if p.severity == "error"))

    return edit_yaml(path, change, key=REGISTRY_KEY, check=check)
