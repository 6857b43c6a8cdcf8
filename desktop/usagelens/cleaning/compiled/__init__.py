"""The recipe and the quality report on the query engine: cleaning steps compiled to Ibis expressions over
the stored table, and the quality report computed with aggregate queries (design §7, issue 14)."""

from usagelens.cleaning.compiled.recipe import COMPILERS, CompiledRecipe, compile_recipe
from usagelens.cleaning.compiled.values import CannotCompile

__all__ = ["COMPILERS", "CannotCompile", "CompiledRecipe", "compile_recipe"]
