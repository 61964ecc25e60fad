"""Test-only stand-in for the safetensors package (not installable on the build machines): the one function the
generated model.py uses, safetensors.torch.load_file, implemented from the format's definition. Tests put it on
PYTHONPATH only when the real package is missing."""
