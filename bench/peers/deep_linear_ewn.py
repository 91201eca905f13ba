"""Peer of wnbench's deep_linear_ewn: Morwani fig6's deep linear net f(x) = W_N ... W_1 x with
every row of every layer under EWN, exponential loss, constant step eta. Backprop by hand (two
products per layer), as a careful researcher writes it for a fixed small depth; numpy loop and
JAX fori_loop of the same formulas."""
from wn import effective_weights, exponential_loss, layer_step, network_peer


def deep_linear(xp, kinds, x, y):
    def evaluate(params):
        weights = [effective_weights(xp, kind, *p) for kind, p in zip(kinds, params)]
        hidden = [x]
        for w in weights:
            hidden.append(hidden[-1] @ w.T)
        log_loss, log_scale, df = exponential_loss(xp, hidden[-1][:, 0], y)
        delta = df[:, None]
        grads = [None] * len(weights)
        for l in reversed(range(len(weights))):
            grads[l] = delta.T @ hidden[l]
            if l > 0:
                delta = delta @ weights[l]
        return log_loss, log_scale, tuple(grads)

    def step(params, grads, s):
        return tuple(layer_step(xp, kind, p[0], p[1], g, s) for kind, p, g in zip(kinds, params, grads))

    return evaluate, step


if __name__ == "__main__":
    network_peer(deep_linear, lambda config, arrays: (arrays["x"], arrays["y"]))
