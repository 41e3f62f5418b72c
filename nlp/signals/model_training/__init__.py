"""What only trains and is never run by the web or the worker: the written training sentences
varied (`corpus`), the stories written by other hands (`written`), and the trainers of the
English and the Welsh sentence models, which write the shipped weights
(`python -m nlp.signals.model_training.training`,
`python -m nlp.signals.model_training.welsh_training`). The top of the order: it may import
everything below it, the rule engine too (the Welsh trainer measures with it).
"""
