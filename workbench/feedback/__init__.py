"""Closing the loop: actions ("you said, we did"), updates to storytellers, reach, how taking
part felt, and exports for qualitative-analysis tools."""
