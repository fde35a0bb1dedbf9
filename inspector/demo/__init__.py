"""The demo campaign: a leader's workspace after the team's ledgers were merged, built through
the services as the command line would (``inspector demo``), with the members' laptops
simulated."""

from .build import SCALES, build_demo

__all__ = ["SCALES", "build_demo"]
