"""The 2:1 structured-sparsity rule labels unlabelled compute figures dense or sparse."""

from __future__ import annotations

from factrecon.claims import extract, label_sparsity


def test_two_to_one_rule_labels_dense_and_sparse_across_sources() -> None:
    """A chip in no vocabulary table: 1307 vs 2615 TFLOPS FP16 in two articles."""
    first = extract("MI300X的FP16算力为1307 TFLOPS。", "a.txt")
    second = extract("MI300X的FP16算力达2615 TFLOPS。", "b.txt")
    labelled = label_sparsity(first + second)
    assert [claim.attribute for claim in labelled] == ["FP16 dense compute", "FP16 sparse compute"]
    assert "2:1 structured-sparsity rule" in (labelled[0].notes or "")


def test_two_to_one_rule_leaves_unrelated_figures_alone() -> None:
    claims = extract("MI300X的FP16算力为1307 TFLOPS，Gaudi 3的FP16算力为1835 TFLOPS。")
    assert [claim.attribute for claim in label_sparsity(claims)] == ["FP16 compute", "FP16 compute"]
