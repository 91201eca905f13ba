"""Peer of wnbench's simple_traj_ewn: Morwani fig4 Simple-Traj on one point x = (x1, x2),
Phi(w) = w1 x1 + w2 x2 with each w_u = e^{alpha_u} v_u/|v_u| one EWN neuron of fan-in 1,
L = exp(-y Phi), Morwani's adaptive rule. numpy loop and JAX fori_loop of the same formulas."""
import numpy as np

from common import main
from wn import descend_jax, descend_numpy, effective_weights, exponential_loss, layer_step


def simple_traj(xp, config, x, scales, v):
    label = config["label"]

    def evaluate(params):
        w = effective_weights(xp, "exponential", *params)[:, 0]
        phi = xp.sum(w * x)
        log_loss, log_scale, df = exponential_loss(xp, xp.reshape(phi, (1,)), xp.asarray([label]))
        return log_loss, log_scale, (df[0] * x)[:, None]  # d log L / d w_u = p (-y) x_u

    def step(params, grad, s):
        return layer_step(xp, "exponential", params[0], params[1], grad, s)

    return evaluate, step, (scales, v)


def finals(params, log_loss, k):
    return {"log_loss": log_loss, "k": k, "scales_0": params[0], "directions_0": params[1]}


def run_numpy(config, arrays):
    evaluate, step, start = simple_traj(np, config, arrays["x"], arrays["scales_0"], arrays["directions_0"])
    return finals(*descend_numpy(evaluate, step, start, config["steps"], config))


def run_jax(config, arrays):
    import jax.numpy as jnp

    def run(x, scales, v):
        evaluate, step, start = simple_traj(jnp, config, x, scales, v)
        return finals(*descend_jax(evaluate, step, start, config["steps"], config))

    return run, (arrays["x"], arrays["scales_0"], arrays["directions_0"])


if __name__ == "__main__":
    main(run_numpy, run_jax)
