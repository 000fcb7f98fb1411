"""Improvement cycles: indicators with run and control charts, PDSA projects, experience and
complaint registers."""
