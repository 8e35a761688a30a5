"""R(T) sweeps for chapter 3: the authors' measured files when present, model curves otherwise.

Part of chapter 3 (:mod:`nickelate_utils.chapters.transport`).

Measured curves (Zenodo 10.5281/zenodo.17310348 or from the authors) go in
``data/source/resistivity/`` with one CSV per sweep named

    <compound>_c<crystal>_<p>GPa_<field>T.csv   e.g.  La2SmNi2O7_c6_21.6GPa_0T.csv

(compound ``La2SmNi2O7`` or ``La1.57Sm1.43Ni2O7``; crystal number as in the paper; pressure
in GPa and field in tesla as decimal numbers) and the columns ``t_kelvin`` and exactly one of
``r_ohm`` (resistance) or ``rho_mohm_cm`` (resistivity); the Table Schema is the entry
``resistivity`` of ``nickelate_utils/schemas/source_data.json`` (read by
``nickelate_utils.source_data.load_source``). Rows may be in any temperature order (cooling or
warming sweep); repeated temperatures are an error. :func:`pressure_series` and
:func:`field_series` return such files instead of reconstructions (``Curve.kind``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from nickelate_utils.data import load_table
from nickelate_utils.paths import source_dir
from nickelate_utils.physics.effective_medium import add_noise, emt_field_resistance, emt_parameters, emt_resistance
from nickelate_utils.physics.normal_state import validate_curve
from nickelate_utils.physics.resistive_transition import Transition, analyse_transition

PACKAGE = "transport"

NORMALISATION_T_KELVIN: float = 300.0
"""Temperature at which the normal state is normalised, R_N(300 K) = 1: the figures of this
chapter divide every curve by its R_N at this temperature (room temperature, the upper end of
the model curves). A presentation choice, not a value of the paper."""

RECON_R0: float = 0.15
"""Assumption: residual term of the model normal state, R_N(T) = R0 + A T, in units of
R_N(300 K). The measured resistivities are not public; the model curves are normalised."""

RECON_SLOPE_PER_KELVIN: float = (1.0 - RECON_R0) / NORMALISATION_T_KELVIN
"""Assumption: slope A of the model normal state, so that R_N(300 K) = 1."""

RECON_NOISE: float = 1e-4
"""Assumption: Gaussian noise of the model curves (1 sigma), in units of R_N(300 K)."""

ZERO_NOISE_SIGMAS: float = 5.0
"""Noise-floor criterion of Tc_zero on the reconstructions: R <= 5 sigma of the noise."""

RECON_STEP_KELVIN: float = 0.25
"""Temperature step of the model curves."""

RECON_T_RANGE_KELVIN: tuple[float, float] = (2.0, NORMALISATION_T_KELVIN)
"""Temperature range of the model curves (the PPMS covered 2-310 K, Methods)."""

RECON_FIELDS_TESLA: tuple[float, ...] = (0.0, 1.0, 3.0, 5.0, 7.0)
"""Assumption: fields of the reconstructed Fig. 3c. The paper does not list them; Methods
says fields up to 7 T were applied."""

RECON_SEED: int = 20251202
"""Seed of the noise of the reconstructions (publication date of the paper); each curve draws
from its own stream, :func:`noise_seed`."""

COMPOUNDS: tuple[str, str] = ("La2SmNi2O7", "La1.57Sm1.43Ni2O7")
"""The two compounds of the chapter, spelled as in ``tc_pressure.csv`` and in the names of the
source files: the one definition in the code (``transport.LA, transport.SM``, the file-name
pattern and the defaults of :func:`pressure_series` and :func:`field_series`)."""

SOURCE_SUBDIR = "resistivity"
_SOURCE_NAME = re.compile(
    rf"^(?P<compound>{'|'.join(map(re.escape, COMPOUNDS))})_c(?P<crystal>[0-9]+)_"
    r"(?P<p>[0-9]+(?:\.[0-9]+)?)GPa_(?P<h>[0-9]+(?:\.[0-9]+)?)T\.csv$"
)
_SOURCE_QUANTITIES: tuple[str, ...] = ("r_ohm", "rho_mohm_cm")

SM_FIT_WINDOW_KELVIN: tuple[float, float] = (120.0, 220.0)
"""Assumption: normal-state window for measured La1.57Sm1.43Ni2O7 sweeps (onset 96 K lies too
close to the published 100-200 K window of La2SmNi2O7); used only with source data."""


def fit_window(data_dir: str | Path | None = None) -> tuple[float, float]:
    """The published linear-in-T window (K) of Extended Data Fig. 7b."""
    row = load_table(PACKAGE, "normal_state_window", data_dir).iloc[0]
    return float(row["t_min_kelvin"]), float(row["t_max_kelvin"])


@dataclass(frozen=True)
class Curve:
    """One R(T) sweep: measured (from data/source) or reconstructed (model)."""

    compound: str
    crystal: str
    p_gpa: float
    h_tesla: float
    t_kelvin: NDArray[np.float64] = field(repr=False)
    resistance: NDArray[np.float64] = field(repr=False)
    quantity: str  # "r_ohm", "rho_mohm_cm" (measured) or "r_over_rn300" (model)
    kind: str  # "measured" or "reconstructed"


def list_source_curves(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Measured sweeps under ``<data_dir>/source/resistivity/`` (layout in the module docstring).

    Columns: compound, crystal ("#6"), p_gpa, h_tesla, path. Empty if the folder is absent.
    ValueError naming a ``.csv`` file whose name does not follow the layout.
    """
    folder = source_dir(data_dir) / SOURCE_SUBDIR
    rows = []
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        m = _SOURCE_NAME.match(path.name)
        if m is None:
            raise ValueError(
                f"{path.name}: not a resistivity file name; expected "
                "<compound>_c<crystal>_<p>GPa_<field>T.csv, e.g. La2SmNi2O7_c6_21.6GPa_0T.csv"
            )
        rows.append({
            "compound": m["compound"], "crystal": f"#{m['crystal']}", "p_gpa": float(m["p"]),
            "h_tesla": float(m["h"]), "path": path,
        })
    return pd.DataFrame(rows, columns=["compound", "crystal", "p_gpa", "h_tesla", "path"])


def load_source_curve(path: str | Path, data_dir: str | Path | None = None
                      ) -> tuple[NDArray[np.float64], NDArray[np.float64], str]:
    """Read one measured sweep: (T sorted increasing, resistance, column name).

    ``path`` is absolute or relative to ``<data_dir>/source/``. ValueError naming the file if it
    does not exist, if ``t_kelvin`` is missing, if not exactly one of ``r_ohm`` /
    ``rho_mohm_cm`` is present, for a non-numeric cell (with its CSV line), or if the sorted
    sweep fails :func:`~nickelate_utils.physics.normal_state.validate_curve` (e.g. repeated temperatures,
    NaN). The checks follow the
    ``resistivity`` Table Schema of ``nickelate_utils/schemas/source_data.json``;
    ``nickelate_utils.source_data.load_source`` is not used yet because its row check fails on every
    numeric file (it passes numpy arrays to ``check_rows``).
    """
    file = Path(path)
    if not file.is_absolute():
        file = source_dir(data_dir) / file
    name = file.name
    if not file.is_file():
        raise ValueError(f"{name}: no such source file")
    frame = pd.read_csv(file, dtype=str, keep_default_na=False)
    if "t_kelvin" not in frame.columns:
        raise ValueError(f"{name}: missing column(s) 't_kelvin'")
    present = [q for q in _SOURCE_QUANTITIES if q in frame.columns]
    if len(present) != 1:
        raise ValueError(
            f"{name}: needs exactly one of the columns {', '.join(_SOURCE_QUANTITIES)}, found {present or 'none'}"
        )
    for column in ("t_kelvin", present[0]):
        values = pd.to_numeric(frame[column], errors="coerce")
        if values.isna().any():
            line = int(values.isna().to_numpy().argmax()) + 2
            raise ValueError(f"{name}, line {line}, column '{column}': not a number")
        frame[column] = values.astype(float)
    frame = frame.sort_values("t_kelvin", kind="stable")
    try:
        t, r = validate_curve(frame["t_kelvin"].to_numpy(float), frame[present[0]].to_numpy(float))
    except ValueError as exc:
        raise ValueError(f"{name}: {exc}") from exc
    return t, r, present[0]


def measured_curve(
    compound: str, crystal: str, p_gpa: float, h_tesla: float = 0.0, data_dir: str | Path | None = None,
    sources: pd.DataFrame | None = None,
) -> Curve | None:
    """The measured sweep of (compound, crystal, pressure, field), or None if there is no file."""
    listed = list_source_curves(data_dir) if sources is None else sources
    if listed.empty:
        return None
    hit = listed[
        (listed["compound"] == compound) & (listed["crystal"] == crystal)
        & np.isclose(listed["p_gpa"], p_gpa) & np.isclose(listed["h_tesla"], h_tesla)
    ]
    if hit.empty:
        return None
    t, r, quantity = load_source_curve(hit["path"].iloc[0], data_dir)
    return Curve(compound, crystal, float(p_gpa), float(h_tesla), t, r, quantity, "measured")


def noise_seed(compound: str, crystal: str, p_gpa: float, h_tesla: float, seed: int = RECON_SEED) -> list[int]:
    """Entropy of the noise stream of one reconstructed sweep: [seed, compound (1 or 2), crystal
    number, round(10 P / GPa), round(10 H / T)], one ``numpy.random.SeedSequence`` per curve (a
    sum such as seed + 10 P + 10 H gives two curves the same noise). ValueError for a compound
    not in :data:`COMPOUNDS` or a crystal not written "#<number>"."""
    if compound not in COMPOUNDS:
        raise ValueError(f"unknown compound {compound!r}; expected one of {', '.join(COMPOUNDS)}")
    if re.fullmatch(r"#[0-9]+", crystal) is None:
        raise ValueError(f"crystal must be written '#<number>', got {crystal!r}")
    return [seed, COMPOUNDS.index(compound) + 1, int(crystal[1:]), round(10 * p_gpa), round(10 * h_tesla)]


def model_temperatures() -> NDArray[np.float64]:
    """Temperature grid of the reconstructions (:data:`RECON_T_RANGE_KELVIN`, step 0.25 K)."""
    lo, hi = RECON_T_RANGE_KELVIN
    return np.arange(lo, hi + RECON_STEP_KELVIN / 2, RECON_STEP_KELVIN)


def reconstructed_curve(
    compound: str, crystal: str, p_gpa: float, tc_onset_kelvin: float, tc_zero_kelvin: float,
    h_tesla: float = 0.0, hc2_table: pd.DataFrame | None = None, seed: int = RECON_SEED,
) -> Curve:
    """Model sweep (normalised to R_N(300 K) = 1) for published Tc_onset and Tc_zero.

    Effective medium (:func:`~nickelate_utils.physics.effective_medium.emt_parameters`,
    :func:`~nickelate_utils.physics.effective_medium.emt_resistance`), in a field with the
    published GL Hc2(0) of each criterion (``hc2_table`` with columns criterion_percent and
    hc2_zero_tesla; required when h_tesla > 0), plus seeded noise
    (:func:`~nickelate_utils.physics.effective_medium.add_noise`) from the
    curve's own stream (:func:`noise_seed`).
    ValueError from those functions, or for a field without ``hc2_table``.
    """
    mu, sigma = emt_parameters(tc_onset_kelvin, tc_zero_kelvin)
    t = model_temperatures()
    if h_tesla > 0:
        if hc2_table is None:
            raise ValueError("a field curve needs the published Hc2(0) table (hc2_table)")
        r = emt_field_resistance(
            t, h_tesla, RECON_R0, RECON_SLOPE_PER_KELVIN, mu, sigma,
            hc2_table["criterion_percent"].to_numpy(float) / 100.0,
            hc2_table["hc2_zero_tesla"].to_numpy(float),
        )
    else:
        r = emt_resistance(t, RECON_R0, RECON_SLOPE_PER_KELVIN, mu, sigma)
    r = add_noise(r, RECON_NOISE, noise_seed(compound, crystal, p_gpa, h_tesla, seed))
    return Curve(compound, crystal, float(p_gpa), float(h_tesla), t, r, "r_over_rn300", "reconstructed")


def pressure_series(
    tc_table: pd.DataFrame, compound: str = COMPOUNDS[0], crystal: str = "#6",
    data_dir: str | Path | None = None,
) -> list[Curve]:
    """Zero-field sweeps of one crystal at every pressure with a stated Tc_onset and Tc_zero.

    A measured file (layout in the module docstring) replaces the reconstruction at the
    same (compound, crystal, pressure, 0 T). Rows without both Tc values yield no curve.
    ValueError if the table holds no such row.
    """
    rows = tc_table[
        (tc_table["compound"] == compound) & (tc_table["crystal"] == crystal)
        & tc_table["tc_onset_kelvin"].notna() & tc_table["tc_zero_kelvin"].notna()
    ].sort_values("p_gpa")
    if rows.empty:
        raise ValueError(f"no pressure of {compound} crystal {crystal} has both Tc_onset and Tc_zero")
    sources = list_source_curves(data_dir)
    out = []
    for row in rows.itertuples(index=False):
        measured = measured_curve(compound, crystal, float(row.p_gpa), 0.0, data_dir, sources)
        out.append(measured or reconstructed_curve(
            compound, crystal, float(row.p_gpa), float(row.tc_onset_kelvin), float(row.tc_zero_kelvin)
        ))
    return out


def field_series(
    tc_table: pd.DataFrame, hc2_table: pd.DataFrame, compound: str = COMPOUNDS[0], crystal: str = "#6",
    p_gpa: float = 21.6, fields_tesla: tuple[float, ...] = RECON_FIELDS_TESLA,
    data_dir: str | Path | None = None,
) -> list[Curve]:
    """Sweeps at ``fields_tesla`` for one (crystal, pressure): measured files if present,
    otherwise reconstructions from the published Tc_onset, Tc_zero and GL Hc2(0) values.
    ValueError if the table has no row with both Tc values at that pressure.
    """
    rows = tc_table[
        (tc_table["compound"] == compound) & (tc_table["crystal"] == crystal)
        & np.isclose(tc_table["p_gpa"], p_gpa)
        & tc_table["tc_onset_kelvin"].notna() & tc_table["tc_zero_kelvin"].notna()
    ]
    if rows.empty:
        raise ValueError(f"{compound} crystal {crystal} has no stated Tc_onset and Tc_zero at {p_gpa:g} GPa")
    row = rows.iloc[0]
    sources = list_source_curves(data_dir)
    out = []
    for h in fields_tesla:
        measured = measured_curve(compound, crystal, p_gpa, float(h), data_dir, sources)
        out.append(measured or reconstructed_curve(
            compound, crystal, p_gpa, float(row["tc_onset_kelvin"]), float(row["tc_zero_kelvin"]),
            h_tesla=float(h), hc2_table=hc2_table,
        ))
    return out


def analyse_curve(
    curve: Curve, fit_window_kelvin: tuple[float, float], zero_threshold_ohm: float | None = None
) -> Transition:
    """:func:`~nickelate_utils.physics.resistive_transition.analyse_transition` of a :class:`Curve`.
    For a reconstruction the default zero
    threshold is the noise floor, :data:`ZERO_NOISE_SIGMAS` x :data:`RECON_NOISE`; for a
    measured curve it is the 1 % criterion unless ``zero_threshold_ohm`` is given."""
    if zero_threshold_ohm is None and curve.kind == "reconstructed":
        zero_threshold_ohm = ZERO_NOISE_SIGMAS * RECON_NOISE
    return analyse_transition(curve.t_kelvin, curve.resistance, fit_window_kelvin,
                              zero_threshold_ohm=zero_threshold_ohm)

