from stdlink.accounts.models.account import Account, person_name
from stdlink.accounts.models.registration import Registration

__all__ = ["Account", "Registration", "person_name"]
