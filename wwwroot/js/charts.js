// Thin bridge between the typed ApexChart Razor component and the apexcharts library (window.ApexCharts).
// Options arrive as plain JSON; formatters are chosen by name here because functions cannot cross interop.
(function () {
    const charts = new WeakMap();

    function formatter(spec) {
        if (spec.valueFormat === "money") {
            const f = new Intl.NumberFormat(spec.locale, { style: "currency", currency: spec.currency, currencyDisplay: "narrowSymbol", notation: "compact", maximumFractionDigits: 1 });
            return v => f.format(v);
        }
        if (spec.valueFormat === "percent") {
            return v => `${Math.round(v)}%`;
        }
        const n = new Intl.NumberFormat(spec.locale, { maximumFractionDigits: 1 });
        return v => n.format(v);
    }

    // data-settled="true" tells people's scripts and the tests that the drawing is final, not mid-animation.
    function settle(element, value) {
        element.dataset.settled = value;
    }

    function options(element, spec) {
        const format = formatter(spec);
        return {
            chart: {
                type: spec.type,
                height: spec.height,
                background: "transparent",
                toolbar: { show: false },
                animations: { enabled: true, speed: 400, animateGradually: { enabled: false } },
                events: {
                    animationEnd: () => settle(element, "true"),
                    // A bar with a link opens it inside the app (no reload), as any link in the app does.
                    dataPointSelection: (event, context, config) => {
                        const href = spec.links && spec.links[config.dataPointIndex];
                        if (href) {
                            window.Blazor && window.Blazor.navigateTo ? window.Blazor.navigateTo(href) : window.location.assign(href);
                        }
                    },
                },
                fontFamily: "inherit",
                stacked: spec.stacked,
            },
            theme: { mode: spec.dark ? "dark" : "light" },
            // Apex draws grid lines light grey whatever the theme: on dark they glare.
            grid: { borderColor: spec.dark ? "rgba(255, 255, 255, 0.2)" : "#e0e0e0" },
            colors: spec.colors && spec.colors.length ? spec.colors : undefined,
            series: spec.type === "donut" || spec.type === "pie" ? spec.series[0].data : spec.series,
            labels: spec.type === "donut" || spec.type === "pie" ? spec.categories : undefined,
            xaxis: { categories: spec.categories },
            yaxis: { labels: { formatter: format } },
            dataLabels: { enabled: false },
            tooltip: { y: { formatter: format } },
            plotOptions: { bar: { borderRadius: 4, columnWidth: "60%" } },
            states: spec.links && spec.links.length ? { active: { filter: { type: "none" } } } : undefined,
            legend: { show: spec.series.length > 1 || spec.type === "donut" },
            noData: { text: spec.noDataText },
        };
    }

    window.salesOpsCharts = {
        render(element, spec) {
            settle(element, "false");
            const existing = charts.get(element);
            if (existing) {
                existing.updateOptions(options(element, spec), true, true);
                return;
            }
            const chart = new window.ApexCharts(element, options(element, spec));
            charts.set(element, chart);
            chart.render();
        },
        destroy(element) {
            const chart = charts.get(element);
            if (chart) {
                chart.destroy();
                charts.delete(element);
            }
        },
    };
})();
