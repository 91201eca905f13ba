"""Peer of wnbench's kohler_gdnp: Kohler et al.'s GDNP (Algorithm 1 with T_s gradient steps on g
instead of bisection, FIGURES.md kohler2019-fig2) on a9a, softplus, from the figure's start:
f(w~) = (1/n) sum_i phi(z_i.w~), z_i = -y_i (x_i - mean x), w~ = g w/||w||_S, ||w||_S^2 = ||Zw||^2/n.
X stays sparse (CSR as exported, plus a column-sorted copy for X^T) and is centered implicitly, as
the figure keeps it. Records f(w~_t) and ||grad f(w~_t)|| at t = 0..T. numpy loop and JAX scan of
the same formulas, in the order of Sources/Experiments/Optimizers/NormalizedHalfspaceRun.swift."""
import numpy as np

from common import main


def softplus_derivatives(xp, t):
    """(phi, phi', phi'') of softplus from one exponential e = exp(-|t|), as MarginFunction.derivatives."""
    e = xp.exp(-xp.abs(t))
    big, small = 1 / (1 + e), e / (1 + e)
    s, s_minus = xp.where(t >= 0, big, small), xp.where(t >= 0, small, big)  # sigma(t), sigma(-t)
    return xp.maximum(t, 0.0) + xp.log1p(e), s, s * s_minus


class NumpySparse:
    """X (n x d, CSR) times dense blocks by segment sums over the non-zeros (np.add.reduceat),
    with a column-sorted copy for X^T; empty rows or columns are left out of the segments."""

    def __init__(self, starts, columns, values, d):
        self.n, self.d = len(starts) - 1, d
        rows = np.repeat(np.arange(self.n), np.diff(starts))
        self.columns, self.values = columns, values
        self.row_segments = self._segments(starts)
        order = np.argsort(columns, kind="stable")  # by column, rows ascending within a column
        self.t_rows, self.t_values = rows[order], values[order]
        self.column_segments = self._segments(np.searchsorted(columns[order], np.arange(d + 1)))

    @staticmethod
    def _segments(starts):
        nonempty = starts[:-1] < starts[1:]
        return nonempty, starts[:-1][nonempty]

    @staticmethod
    def _sum(products, segments, count):
        nonempty, offsets = segments
        out = np.zeros((count, products.shape[1]))
        out[nonempty] = np.add.reduceat(products, offsets, axis=0)
        return out

    def times(self, w):  # X w, n x R
        return self._sum(self.values[:, None] * w[self.columns], self.row_segments, self.n)

    def transpose_times(self, q):  # X^T q, d x R
        return self._sum(self.t_values[:, None] * q[self.t_rows], self.column_segments, self.d)


class JaxSparse:
    """The same products as `jax.ops.segment_sum` over the non-zeros (traced inside the run)."""

    def __init__(self, starts, columns, values, d):
        import jax.numpy as jnp

        self.n, self.d = starts.shape[0] - 1, d
        self.rows = jnp.repeat(jnp.arange(self.n), jnp.diff(starts), total_repeat_length=values.shape[0])
        self.columns, self.values = columns, values

    def times(self, w):
        from jax import ops

        return ops.segment_sum(self.values[:, None] * w[self.columns], self.rows, num_segments=self.n, indices_are_sorted=True)

    def transpose_times(self, q):
        from jax import ops

        return ops.segment_sum(self.values[:, None] * q[self.rows], self.columns, num_segments=self.d)


def gdnp(xp, x, y, config):
    """(start, step, evaluate) of GDNP on the implicitly centered sample Z = -diag(y)(X - 1 m^T).
    evaluate(w, g) -> (f, ||grad f||, the quantities the step reuses); step(w, g, at) -> (w, g)."""
    n = y.shape[0]
    means = x.transpose_times(xp.ones((n, 1)))[:, 0] / n
    u = -x.transpose_times(y[:, None])[:, 0] / n + means * (xp.sum(y) / n)  # u = (1/n) sum z_i
    L, eta_g = config["smoothness"], config["length_step_size"]
    root_n = np.sqrt(float(n))

    def margins(w):  # Z w = -y (X w - m^T w)
        return -y[:, None] * (x.times(w) - means @ w)

    def pull_back(q):  # Z^T q = -(X^T (y q) - m 1^T (y q))
        signed = q * y[:, None]
        return -(x.transpose_times(signed) - means[:, None] * xp.sum(signed, axis=0))

    def column_norms(m):
        return xp.sqrt(xp.sum(m * m, axis=0))

    def evaluate(w, g):
        b = margins(w)
        lengths = column_norms(b) / root_n  # ||w||_S
        scale = g / lengths
        value, first, second = softplus_derivatives(xp, b * scale)
        inverse = 1 / n
        # One product gives grad f(w~) = Z^T phi'(a)/n and S w = Z^T (Z w)/n.
        runs = w.shape[1]
        stacked = pull_back(xp.concatenate([first * inverse, b * inverse], axis=1))
        gradient, metric_w = stacked[:, :runs], stacked[:, runs:]
        along = xp.sum(w * gradient, axis=0)
        direction_gradient = scale * (gradient - metric_w * along / (lengths * lengths))
        at = (lengths, scale, xp.sum(first, axis=0) * inverse, xp.sum(second, axis=0) * inverse, direction_gradient)
        return xp.sum(value, axis=0) * inverse, column_norms(gradient), at

    def step_w(w, g, at):
        """Eq. (17) with h of (18) restated; returns w and the unit margins b = Z w/||w||_S."""
        lengths, scale, mean_first, mean_second, direction_gradient = at
        uw = xp.sum(w * u[:, None], axis=0)
        h = mean_first * uw - mean_second * uw * (scale * uw)
        safe = xp.where(xp.abs(h) > 1e-300, h, 1.0)
        s = xp.where(xp.abs(h) > 1e-300, -lengths * lengths * lengths / (L * g * safe), 0.0)
        w = w - s * direction_gradient
        direction = margins(w)
        return w, direction * (1 / (column_norms(direction) / root_n))

    def length_step(g, unit):  # one of the T_s gradient steps on g
        _, slope, _ = softplus_derivatives(xp, g * unit)
        return g - eta_g * (xp.sum(slope * unit, axis=0) / n)

    def start(w):
        return column_norms(margins(w)) / root_n  # g0 = ||w~0||_S

    return start, evaluate, step_w, length_step


def check(config):
    if config["phi"] != "softplus":
        raise SystemExit(f"kohler_gdnp peer: phi {config['phi']} not implemented (softplus only)")


def finals(w, g, values, norms):
    # values[t, r] -> one row per run, as wnbench writes the trace.
    return {"w": w, "g": g, "values": values.T, "gradient_norms": norms.T}


def run_numpy(config, arrays):
    check(config)
    x = NumpySparse(arrays["row_starts"].astype(np.int64), arrays["columns"].astype(np.int64), arrays["values"], config["features"])
    start, evaluate, step_w, length_step = gdnp(np, x, arrays["y"], config)
    w = arrays["start"]
    g = start(w)
    value, norm, at = evaluate(w, g)
    values, norms = [value], [norm]
    for _ in range(config["steps"]):
        w, unit = step_w(w, g, at)
        for _ in range(config["length_steps"]):
            g = length_step(g, unit)
        value, norm, at = evaluate(w, g)
        values.append(value)
        norms.append(norm)
    return finals(w, g, np.array(values), np.array(norms))


def run_jax(config, arrays):
    import jax.numpy as jnp
    from jax import lax

    check(config)

    def run(starts, columns, values, y, w):
        x = JaxSparse(starts, columns, values, config["features"])
        start, evaluate, step_w, length_step = gdnp(jnp, x, y, config)
        g = start(w)
        value, norm, at = evaluate(w, g)

        def body(carry, _):
            w, g, at = carry
            w, unit = step_w(w, g, at)
            g = lax.fori_loop(0, config["length_steps"], lambda _, g: length_step(g, unit), g)
            value, norm, at = evaluate(w, g)
            return (w, g, at), (value, norm)

        (w, g, _), (trace_values, trace_norms) = lax.scan(body, (w, g, at), None, length=config["steps"])
        return finals(w, g, jnp.concatenate([value[None], trace_values]), jnp.concatenate([norm[None], trace_norms]))

    inputs = (arrays["row_starts"].astype(np.int32), arrays["columns"].astype(np.int32), arrays["values"], arrays["y"], arrays["start"])
    return run, inputs


if __name__ == "__main__":
    main(run_numpy, run_jax)
