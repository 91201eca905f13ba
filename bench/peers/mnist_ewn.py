"""Peer of wnbench's mnist_ewn: Morwani section 6's 784-H-10 ReLU net without biases, first layer
under EWN, second layer trained unnormalized, summed multiclass cross-entropy in log form,
full-batch epochs with Morwani's adaptive rule. numpy loop and JAX fori_loop of the same formulas."""
import numpy as np

from common import main
from wn import (ACTIVATIONS, cross_entropy_loss, descend_jax, descend_numpy, effective_weights, layer_spec, layer_step,
                network_finals)


def mnist_net(xp, kinds, x, onehot):
    relu, relu_prime = ACTIVATIONS["relu"]

    def evaluate(params):
        w1 = effective_weights(xp, kinds[0], *params[0])
        w2 = params[1][1]
        z = x @ w1.T  # the two n x 784 x H products dominate the step
        h = relu(xp, z)
        log_loss, log_scale, df = cross_entropy_loss(xp, h @ w2.T, onehot)
        delta = (df @ w2) * relu_prime(xp, z)
        return log_loss, log_scale, (delta.T @ x, df.T @ h)

    def step(params, grads, s):
        return (layer_step(xp, kinds[0], params[0][0], params[0][1], grads[0], s),
                layer_step(xp, kinds[1], params[1][0], params[1][1], grads[1], s))

    return evaluate, step


def onehot_labels(labels, classes):
    return (labels.astype(np.int64)[:, None] == np.arange(classes)[None, :]).astype(np.float64)


def run_numpy(config, arrays):
    kinds, trainable = layer_spec(config)
    evaluate, step = mnist_net(np, kinds, arrays["x"], onehot_labels(arrays["labels"], config["classes"]))
    start = tuple((arrays[f"scales_{l}"], arrays[f"directions_{l}"]) for l in range(2))
    return network_finals(kinds, trainable, *descend_numpy(evaluate, step, start, config["steps"], config))


def run_jax(config, arrays):
    import jax.numpy as jnp

    kinds, trainable = layer_spec(config)

    def run(x, onehot, start):
        evaluate, step = mnist_net(jnp, kinds, x, onehot)
        return network_finals(kinds, trainable, *descend_jax(evaluate, step, start, config["steps"], config))

    start = tuple((arrays[f"scales_{l}"], arrays[f"directions_{l}"]) for l in range(2))
    return run, (arrays["x"], onehot_labels(arrays["labels"], config["classes"]), start)


if __name__ == "__main__":
    main(run_numpy, run_jax)
