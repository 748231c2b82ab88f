"""The Django side of the embedding service: building the stored vectors (``services.build``)
and querying them (``nearest``, ``nearest_standards``)."""

from .nearest import Near, nearest, nearest_standards

__all__ = ["Near", "nearest", "nearest_standards"]
