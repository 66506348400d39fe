"""The board's decisions over a framework and an assessment: profiles, waivers, conditions."""
