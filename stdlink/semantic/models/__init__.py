from .build import VectorBuild
from .title import StandardTitle, TitleText

__all__ = ["StandardTitle", "TitleText", "VectorBuild"]
