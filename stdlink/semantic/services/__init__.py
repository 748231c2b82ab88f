"""The Django side of the embedding service: building the stored vectors and querying them."""

from .build import build, status
from .nearest import Near, nearest, nearest_standards

__all__ = ["Near", "build", "nearest", "nearest_standards", "status"]
