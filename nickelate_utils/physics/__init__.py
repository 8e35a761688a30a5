"""Physics reusable with any data set: numbers and arrays in, numbers and arrays out.

No module here reads a file, knows this paper's claims, or draws (``tests/test_api_layout.py``
checks that none imports ``claims``, ``register``, ``data``, ``paths`` or ``plotting``). Each
names its public API in ``__all__`` and shows a ``>>>`` example per public function, run as a
doctest by the test command.

Modules
-------
lattice               unit cells: volume, density, in-plane distortion Delta, cell settings
diffraction           d-spacings, Q, 2-theta, reflection conditions, reflection lists and counts
powder                structure models and powder patterns (Dans_Diffraction)
xray                  F(000), absorption coefficients (xraydb), emission-line overlaps, GOF
composition           formula weights, Shannon radii, partition coefficients
equation_of_state     third-order Birch-Murnaghan P(V), V(P), a cell under pressure
trends                straight lines with uncertainties, exact rank-correlation tests
normal_state          normal-state resistance fits (linear, power law, Bloch-Grueneisen)
resistive_transition  Tc criteria of a resistive transition (onset, fraction, zero) and widths
effective_medium      R(T) of a transition broadened by a distribution of local Tc
upper_critical_field  Hc2(T) forms (GL, parabolic, WHH), fits, Pauli limit, coherence length
demagnetization       demagnetizing factors of cylinders, plates and spheroids (chi = -1 and 0)
susceptibility        unit conversions, the demagnetization correction, volume fractions
"""
