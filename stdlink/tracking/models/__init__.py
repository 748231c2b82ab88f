from stdlink.tracking.models.adoption import Adoption, SuggestionDecision
from stdlink.tracking.models.watch import WatchItem

__all__ = ["Adoption", "SuggestionDecision", "WatchItem"]
