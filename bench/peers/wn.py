"""Building blocks every peer shares, written once against an array module `xp` (numpy or
jax.numpy) so that the numpy and JAX peers of an experiment run the same formulas:
weight-normalized layers (Morwani eq. 1-4), the log-domain losses, and the two descent drivers
(Morwani's adaptive rule, constant step) -- a Python loop for numpy, `lax.fori_loop` for JAX.

The formulas follow WNFigures' Sources/Experiments operation by operation (same association
order where it matters), so that results agree to rounding, not just to the method.
"""
import math

import numpy as np


# --- weight-normalized layers -------------------------------------------------------------

def effective_weights(xp, kind, scales, v):
    """W with rows w_u = c_u v_u/||v_u||: c = e^alpha (EWN), gamma (SWN); Unnorm keeps W = v."""
    if kind == "unnormalized":
        return v
    length = xp.sqrt(xp.sum(v * v, axis=1))
    multiplier = xp.exp(scales) if kind == "exponential" else scales
    return (multiplier / length)[:, None] * v


def layer_step(xp, kind, scales, v, g, s):
    """One step of size s from the time-t values, g = grad wrt the effective W:
    Unnorm  w <- w - s g;
    SWN     gamma <- gamma - s u.g,            v <- v - s (gamma/||v||)(I - u u^T) g   (eq. 1-2);
    EWN     alpha <- alpha - s e^alpha u.g,    v <- v - s (e^alpha/||v||)(I - u u^T) g (eq. 3-4)."""
    if kind == "unnormalized":
        return scales, v - s * g
    length = xp.sqrt(xp.sum(v * v, axis=1))
    along = xp.sum(v * g, axis=1) / length  # u.g
    c = xp.exp(scales) if kind == "exponential" else scales
    # (I - u u^T) g = g - ((u.g)/||v||) v
    v = v - (s * c / length)[:, None] * (g - (along / length)[:, None] * v)
    scales = scales - s * c * along if kind == "exponential" else scales - s * along
    return scales, v


# --- losses in log form (Sources/Experiments/Losses) ---------------------------------------

def exponential_loss(xp, f, y):
    """L = sum_i exp(-y_i f_i) as (log L, log-gradient scale, d log L / d f)."""
    z = -y * f
    top = xp.max(z)
    p = xp.exp(z - top)
    total = xp.sum(p)
    log_loss = top + xp.log(total)
    return log_loss, log_loss, -y * p / total


def _softplus(xp, t):
    return xp.maximum(t, 0.0) + xp.log1p(xp.exp(-xp.abs(t)))


def _log_softplus(xp, z):
    """log log(1 + e^z), finite for every finite z (LogDomain.swift's three branches)."""
    positive = xp.log(z + xp.log1p(xp.exp(-xp.abs(z))))
    negative = xp.log(xp.log1p(xp.exp(xp.minimum(z, 0.0))))
    return xp.where(z < -37, z, xp.where(z > 0, positive, negative))


def cross_entropy_loss(xp, f, onehot):
    """Morwani App. H: L = sum_i log(1 + sum_{j != y_i} e^{f_ij - f_iy}) in log form, with
    d log L / d f (CrossEntropyLoss.swift). `onehot` is n x K of 0/1."""
    is_label = onehot > 0
    fy = xp.sum(f * onehot, axis=1)
    d = f - fy[:, None]
    others = xp.where(is_label, -xp.inf, d)
    top = xp.max(others, axis=1)
    log_u = top + xp.log(xp.sum(xp.exp(others - top[:, None]), axis=1))
    log_per_sample = _log_softplus(xp, log_u)
    top_all = xp.max(log_per_sample)
    total = xp.sum(xp.exp(log_per_sample - top_all))
    log_loss = top_all + xp.log(total)
    common = -_softplus(xp, -log_u) - log_u - top_all  # log sigma(log u) - log u - top
    g = xp.where(is_label, 0.0, xp.exp(d + common[:, None]) / total)
    g = g - onehot * xp.sum(g, axis=1)[:, None]
    return log_loss, log_loss, g


ACTIVATIONS = {
    # (sigma, sigma') with sigma'(0) = 0, as Activation.swift.
    "relu": (lambda xp, z: xp.where(z > 0, z, 0.0), lambda xp, z: xp.where(z > 0, 1.0, 0.0)),
    "reluSquared": (lambda xp, z: xp.where(z > 0, z * z, 0.0), lambda xp, z: xp.where(z > 0, 2.0 * z, 0.0)),
    "linear": (lambda xp, z: z, lambda xp, z: xp.ones_like(z)),
}


# --- descent drivers (Sources/Experiments/Optimizers/DescentLoop.swift) -----------------

def _exp_clamped(x):
    return 0.0 if x < -700 else math.exp(x)


def descend_numpy(evaluate, step, params, steps, config):
    """Evaluate the start, then `steps` times: step by s * stored gradient, re-evaluate, and
    (adaptive) k <- min(1.1 k, k_max) on a strict decrease of log L, else k/1.1.
    Returns (params, last log L, next k or None)."""
    log_loss, log_scale, grads = evaluate(params)
    adaptive = config["rule"] == "adaptive"
    k = config.get("k0")
    for _ in range(steps):
        if adaptive:
            s = k * math.exp(log_scale - config["c"] * log_loss)  # k/L^c times the L in grad L
        else:
            s = config["eta"] * _exp_clamped(log_scale)
        params = step(params, grads, s)
        new_log_loss, log_scale, grads = evaluate(params)
        if adaptive:
            k = min(config["k_factor"] * k, config["k_max"]) if new_log_loss < log_loss else k / config["k_factor"]
        log_loss = new_log_loss
    return params, log_loss, k


def descend_jax(evaluate, step, params, steps, config):
    """The same loop as `descend_numpy`, traced once: the whole run is one `lax.fori_loop`."""
    import jax.numpy as jnp
    from jax import lax

    adaptive = config["rule"] == "adaptive"
    log_loss, log_scale, grads = evaluate(params)
    k0 = jnp.asarray(config.get("k0", 0.0), dtype=jnp.float64)

    def body(_, carry):
        params, grads, log_loss, log_scale, k = carry
        if adaptive:
            s = k * jnp.exp(log_scale - config["c"] * log_loss)
        else:
            s = config["eta"] * jnp.where(log_scale < -700, 0.0, jnp.exp(log_scale))
        params = step(params, grads, s)
        new_log_loss, log_scale, grads = evaluate(params)
        if adaptive:
            k = jnp.where(new_log_loss < log_loss, jnp.minimum(config["k_factor"] * k, config["k_max"]), k / config["k_factor"])
        return params, grads, new_log_loss, log_scale, k

    params, _, log_loss, _, k = lax.fori_loop(0, steps, body, (params, grads, log_loss, log_scale, k0))
    return params, log_loss, (k if adaptive else None)


def network_finals(kinds, trainable, params, log_loss, k):
    """The arrays wnbench writes for a network run: every trainable layer's stored parameters,
    the last log L and the next k."""
    finals = {"log_loss": log_loss}
    if k is not None:
        finals["k"] = k
    for l, (kind, train) in enumerate(zip(kinds, trainable)):
        if train:
            if kind != "unnormalized":
                finals[f"scales_{l}"] = params[l][0]
            finals[f"directions_{l}"] = params[l][1]
    return finals


def layer_spec(config):
    return [layer["parameterization"] for layer in config["layers"]], [layer["trainable"] for layer in config["layers"]]


def start_params(xp, arrays, count):
    return tuple((xp.asarray(arrays[f"scales_{l}"]), xp.asarray(arrays[f"directions_{l}"])) for l in range(count))


# --- the two-layer net with a frozen second layer (Morwani XOR, Lin-Sep) ------------------

def two_layer_frozen(xp, config, arrays):
    """f(x) = s sum_u a_u sigma(w_u.x), first layer under its parameterization, a frozen, on the
    exponential loss. Returns (evaluate, step, start) for the descent drivers; params = (scales, v)."""
    kind = config["layers"][0]["parameterization"]
    sigma, sigma_prime = ACTIVATIONS[config["activation"]]
    scale = config["output_scale"]
    x, y = xp.asarray(arrays["x"]), xp.asarray(arrays["y"])
    a = xp.asarray(arrays["directions_1"])  # 1 x m

    def evaluate(params):
        w = effective_weights(xp, kind, *params)
        z = x @ w.T
        f = scale * (sigma(xp, z) @ a.T)[:, 0]
        log_loss, log_scale, df = exponential_loss(xp, f, y)
        delta = (scale * df)[:, None] @ a * sigma_prime(xp, z)
        return log_loss, log_scale, delta.T @ x

    def step(params, grad, s):
        return layer_step(xp, kind, params[0], params[1], grad, s)

    return evaluate, step, (xp.asarray(arrays["scales_0"]), xp.asarray(arrays["directions_0"]))


def two_layer_frozen_peer():
    """main() for a two-layer-frozen experiment: numpy loop and JAX fori_loop of the same net."""
    from common import main

    def finals(config, params, log_loss, k):
        kinds, trainable = layer_spec(config)
        return network_finals(kinds, trainable, (params, None), log_loss, k)

    def run_numpy(config, arrays):
        evaluate, step, start = two_layer_frozen(np, config, arrays)
        return finals(config, *descend_numpy(evaluate, step, start, config["steps"], config))

    def run_jax(config, arrays):
        import jax.numpy as jnp

        def run(x, y, a, scales, v):
            evaluate, step, start = two_layer_frozen(
                jnp, config, {"x": x, "y": y, "directions_1": a, "scales_0": scales, "directions_0": v})
            return finals(config, *descend_jax(evaluate, step, start, config["steps"], config))

        return run, tuple(arrays[name] for name in ("x", "y", "directions_1", "scales_0", "directions_0"))

    main(run_numpy, run_jax)


def network_peer(make, data):
    """main() for a network whose every layer's start (scales_l, directions_l) is exported:
    `make(xp, kinds, *inputs)` returns (evaluate, step), `data(config, arrays)` the inputs."""
    from common import main

    def run_numpy(config, arrays):
        kinds, trainable = layer_spec(config)
        evaluate, step = make(np, kinds, *data(config, arrays))
        start = start_params(np, arrays, len(kinds))
        return network_finals(kinds, trainable, *descend_numpy(evaluate, step, start, config["steps"], config))

    def run_jax(config, arrays):
        import jax.numpy as jnp

        kinds, trainable = layer_spec(config)

        def run(inputs, start):
            evaluate, step = make(jnp, kinds, *inputs)
            return network_finals(kinds, trainable, *descend_jax(evaluate, step, start, config["steps"], config))

        return run, (data(config, arrays), start_params(np, arrays, len(kinds)))

    main(run_numpy, run_jax)
