"""Peer of wnbench's linsep_swn: Morwani Lin-Sep, 8 ReLU^2 units under SWN, frozen +-1 second layer,
exponential loss, Morwani's adaptive step rule; numpy loop and JAX fori_loop (see wn.py)."""
from wn import two_layer_frozen_peer

if __name__ == "__main__":
    two_layer_frozen_peer()
