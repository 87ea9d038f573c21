namespace SalesOps.Shared.Domain;

public enum SalesChannel { Field, Phone, Digital, Partner }

public enum TerritoryKind { Geographic, NamedAccounts, Channel }

public enum ForecastCategory { Pipeline, BestCase, Commit, Closed, Omitted }

public enum QuotaMetric { WonRevenue, DealsWon }

public enum ContestMetric { WonRevenue, DealsWon, NewPipeline, Attainment }
