"""The population roster of school-age children, deferrals of entry, employed minors."""

from dropout_control.population.model import Child, Deferral, EmploymentReport

__all__ = ["Child", "Deferral", "EmploymentReport"]
