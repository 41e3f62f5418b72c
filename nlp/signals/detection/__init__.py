"""The detector assembled: the rule engine that compiles the English patterns, checks each hit for
what holds it back and adds the Welsh rules and the witness notes (`rules`, run by the web
request), and the detector that joins the rules with the sentence models' verdicts (`detector`,
run by the worker). `nlp.signals` re-exports their public names.
"""
