"""Peer of wnbench's xor_ewn: Morwani fig5 XOR, 20 ReLU units under EWN, frozen +-1 second layer,
exponential loss, Morwani's adaptive step rule; numpy loop and JAX fori_loop (see wn.py)."""
from wn import two_layer_frozen_peer

if __name__ == "__main__":
    two_layer_frozen_peer()
