"""Labels that come in pairs: the abuse of an adult at risk by family is domestic abuse too, a
suicide risk told as now is immediate danger too, and an adult's medicines kept by a relative is
domestic abuse too. Run on a finished detection (`relabel`). Imports only what lies below.
"""
