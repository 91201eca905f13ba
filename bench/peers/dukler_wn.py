"""Peer of wnbench's dukler_wn: Dukler et al.'s network (1.2), f(x) = (1/sqrt m) sum_k c_k
relu(g_k v_k.x/||v_k||), c frozen, full-batch WN gradient descent on the mean squared loss with a
constant eta, measuring every step what Dukler fig2 plots: the loss, ||v_k||^2 before and after,
||dL/dv_k||^2, and the angle each v_k turns (eq. 2.3). numpy loop and JAX fori_loop of the same formulas."""
import numpy as np

from common import main
from wn import ACTIVATIONS, effective_weights, layer_step


def dukler_step(xp, x, y, c, eta, scale, g, v):
    """One step from (g, v): returns (loss before, mean angle, eq. 2.3 residual, g, v)."""
    relu, relu_prime = ACTIVATIONS["relu"]
    n = x.shape[0]
    z = x @ effective_weights(xp, "standard", g, v).T
    f = scale * (relu(xp, z) @ c.T)[:, 0]
    error = f - y
    loss = 0.5 * xp.sum(error * error) / n
    delta = (scale * (error / n))[:, None] @ c * relu_prime(xp, z)
    grad = delta.T @ x
    # Before the update: ||v_k||^2 and ||dL/dv_k||^2 = (g_k^2/||v_k||^2) ||(I - u u^T) grad_k||^2.
    before = xp.sum(v * v, axis=1)
    projection = xp.sum(v * grad, axis=1) / before
    perpendicular = grad - projection[:, None] * v
    grad_norm2 = g * g / before * xp.sum(perpendicular * perpendicular, axis=1)
    g_new, v_new = layer_step(xp, "standard", g, v, grad, eta)
    after = xp.sum(v_new * v_new, axis=1)
    # The angle between v_k(s) and v_k(s+1) in atan2 form (keeps the digits arccos loses).
    along = xp.sum(v_new * v, axis=1) / xp.sqrt(before)
    rest = v_new - (along / xp.sqrt(before))[:, None] * v
    angles = xp.arctan2(xp.sqrt(xp.sum(rest * rest, axis=1)), along)
    residual = xp.max(xp.abs(after - before - eta * eta * grad_norm2) / xp.maximum(before, after))
    return loss, xp.mean(angles), residual, g_new, v_new


def run_numpy(config, arrays):
    x, y, c = arrays["x"], arrays["y"], arrays["c"][None, :]
    g, v = arrays["g"], arrays["v"]
    losses, angles, residual = [], [], 0.0
    for _ in range(config["steps"]):
        loss, angle, r, g, v = dukler_step(np, x, y, c, config["eta"], config["output_scale"], g, v)
        losses.append(loss)
        angles.append(angle)
        residual = max(residual, r)
    return {"g": g, "v": v, "losses": np.array(losses), "mean_angles": np.array(angles), "identity_residual": residual}


def run_jax(config, arrays):
    import jax.numpy as jnp
    from jax import lax

    def run(x, y, c, g, v):
        def body(carry, _):
            g, v, residual = carry
            loss, angle, r, g, v = dukler_step(jnp, x, y, c, config["eta"], config["output_scale"], g, v)
            return (g, v, jnp.maximum(residual, r)), (loss, angle)

        (g, v, residual), (losses, angles) = lax.scan(body, (g, v, jnp.float64(0)), None, length=config["steps"])
        return {"g": g, "v": v, "losses": losses, "mean_angles": angles, "identity_residual": residual}

    return run, (arrays["x"], arrays["y"], arrays["c"][None, :], arrays["g"], arrays["v"])


if __name__ == "__main__":
    main(run_numpy, run_jax)
