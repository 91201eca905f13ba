"""Peer of wnbench's mnist_ewn: Morwani section 6's 784-H-10 ReLU net without biases, first layer
under EWN, second layer trained unnormalized, multiclass cross-entropy in log form (summed, or
averaged when the config's reduction is "mean", as the figure's L is),
full-batch epochs with Morwani's adaptive rule. numpy loop and JAX fori_loop of the same formulas."""
import numpy as np

from wn import ACTIVATIONS, cross_entropy_loss, effective_weights, layer_step, network_peer


def mnist_net(xp, kinds, x, onehot, log_divisor):
    relu, relu_prime = ACTIVATIONS["relu"]

    def evaluate(params):
        w1 = effective_weights(xp, kinds[0], *params[0])
        w2 = params[1][1]
        z = x @ w1.T  # the two n x 784 x H products dominate the step
        h = relu(xp, z)
        log_loss, log_scale, df = cross_entropy_loss(xp, h @ w2.T, onehot)
        # The mean's L is the sum's over n: log L and the gradient's scale shift, d log L/df does not.
        log_loss, log_scale = log_loss - log_divisor, log_scale - log_divisor
        delta = (df @ w2) * relu_prime(xp, z)
        return log_loss, log_scale, (delta.T @ x, df.T @ h)

    def step(params, grads, s):
        return (layer_step(xp, kinds[0], params[0][0], params[0][1], grads[0], s),
                layer_step(xp, kinds[1], params[1][0], params[1][1], grads[1], s))

    return evaluate, step


def onehot_labels(labels, classes):
    return (labels.astype(np.int64)[:, None] == np.arange(classes)[None, :]).astype(np.float64)


if __name__ == "__main__":
    def inputs(config, arrays):
        n = arrays["x"].shape[0]
        log_divisor = float(np.log(n)) if config.get("reduction", "sum") == "mean" else 0.0
        return arrays["x"], onehot_labels(arrays["labels"], config["classes"]), log_divisor

    network_peer(mnist_net, inputs)
