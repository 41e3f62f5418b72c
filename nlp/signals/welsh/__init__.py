"""Risk in Welsh: the Welsh rules and the test of whether a sentence is Welsh (`welsh`), the Welsh
sentence model whose weights ship in `nlp/data/signal_welsh_model.npz` (`welsh_model`), and the
worker's step that asks it about a story's Welsh sentences (`welsh_heard`). Imports only what
lies below.
"""
