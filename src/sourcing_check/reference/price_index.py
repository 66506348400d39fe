"""The price-index table: annual consumer-price inflation per country and year, each cited."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from sourcing_check.models.common import Country, Number, Strict
from sourcing_check.reference.tables import Text, Url, Year


class PricePoint(Strict):
    """One year of a country's consumer-price series."""

    year: Year
    value: Number = Field(gt=-100, description="Annual average consumer-price inflation, percent.")
    projection: bool = Field(False, description="True when the value is a forecast.")
    publisher: Text | None = Field(
        None, description="Who published this year's figure, when not the series' publisher."
    )
    source_url: Url | None = Field(None, description="Where this year's figure can be checked.")
    note: str | None = Field(None, description="What this year's figure is, if it differs.")

    @model_validator(mode="after")
    def _cited(self) -> PricePoint:
        if (self.publisher is None) != (self.source_url is None):
            raise ValueError(
                f"{self.year}: a figure from another source needs publisher and source_url"
            )
        return self


class PriceSeries(Strict):
    """Annual consumer-price inflation for one country, from one cited source."""

    country: Country = Field(description="ISO 3166-1 alpha-2 country code.")
    publisher: Text = Field(description="Who published the series.")
    indicator: Text = Field(description="The series' own name or code.")
    source_title: Text = Field(description="Title of the publication or database.")
    source_url: Url = Field(description="Where a reader can check the figures.")
    retrieved: Text = Field(description="The copy the figures were read from, and its date.")
    values: list[PricePoint] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _years(self) -> PriceSeries:
        years = [point.year for point in self.values]
        for index, year in enumerate(years):
            if year in years[:index]:
                message = f"{year} appears twice in the series for {self.country}: keep one"
                raise PydanticCustomError("year_twice", message, {"at": f"/values/{index}"})
        return self

    def publishers(self, base_year: int, target_year: int) -> str:
        """Who published the figures after ``base_year`` up to ``target_year``, in words."""
        others = [
            f"{point.year}: {point.publisher}"
            for point in self.values
            if point.publisher and base_year < point.year <= target_year
        ]
        return "; ".join([self.publisher, *others])

    def factor(self, base_year: int, target_year: int) -> Decimal | None:
        """Price level of ``target_year`` over that of ``base_year``, if every year is known
        (as an outturn: a forecast does not count)."""
        rates = {point.year: point.value for point in self.values if not point.projection}
        factor = Decimal(1)
        for year in range(base_year + 1, target_year + 1):
            if year not in rates:
                return None
            factor *= 1 + rates[year] / 100
        return factor


class Gap(Strict):
    """Years of a country's series that are not in the table, and where we looked."""

    country: Country
    years: list[Year] = Field(min_length=1)
    looked: Text


class PriceIndexTable(Strict):
    """Annual consumer-price inflation per country and year, each series cited."""

    kind: Literal["price-index-table"]
    schema_version: Literal[1]
    title: str
    description: str | None = None
    measure: Literal["annual_average_inflation_percent"]
    series: list[PriceSeries]
    not_available: list[Gap] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> PriceIndexTable:
        countries = [series.country for series in self.series]
        for index, country in enumerate(countries):
            if country in countries[:index]:
                message = f"two series for {country}: keep one, with every year in it"
                raise PydanticCustomError("series_twice", message, {"at": f"/series/{index}"})
        return self

    def for_country(self, country: str) -> PriceSeries | None:
        """The series for ``country``, if the table has one."""
        return next((series for series in self.series if series.country == country), None)
