// The territory map: Leaflet with region shapes shipped by the app (us-atlas states, world-atlas countries) and no
// tile server, so it never asks another host for anything. The Razor component TerritoryMap hands it plain data
// (regions with their ISO codes, translated on the server by RegionCodes; territories; accounts) and hears back
// what the user did: a marker dropped on a region, a region or an account selected. Shapes are matched by the
// "atlas:id" key the server sends, so this file never interprets a region code.
let libraries;
let shapes;

function asset(path) {
    return new URL(`../${path}`, import.meta.url).href;
}

function loadScript(path) {
    return new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = asset(path);
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
    });
}

function loadCss(path) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = asset(path);
    document.head.appendChild(link);
}

// Loaded on first use only, in order (markercluster extends window.L).
function loadLibraries() {
    libraries ??= (async () => {
        loadCss("lib/leaflet/leaflet.css");
        loadCss("lib/leaflet.markercluster/MarkerCluster.css");
        loadCss("lib/leaflet.markercluster/MarkerCluster.Default.css");
        await loadScript("lib/leaflet/leaflet.js");
        await Promise.all([loadScript("lib/leaflet.markercluster/leaflet.markercluster.js"), loadScript("lib/topojson-client/topojson-client.min.js")]);
    })();
    return libraries;
}

function loadShapes() {
    shapes ??= (async () => {
        const [states, countries] = await Promise.all([
            fetch(asset("lib/us-atlas/states-10m.json")).then(r => r.json()),
            fetch(asset("lib/world-atlas/countries-110m.json")).then(r => r.json()),
        ]);
        const features = [];
        for (const f of window.topojson.feature(states, states.objects.states).features) {
            features.push({ key: `us:${f.id}`, feature: f });
        }
        // The United States are drawn as their states; Antarctica holds no accounts and would band the map.
        for (const f of window.topojson.feature(countries, countries.objects.countries).features) {
            if (f.id !== "840" && f.id !== "010") {
                features.push({ key: `world:${f.id}`, feature: unwrap(f) });
            }
        }
        return features;
    })();
    return shapes;
}

// Rings that cross the antimeridian (Russia, Fiji) would be drawn as bands across the whole map: their western
// longitudes are carried past 180° instead.
function unwrap(feature) {
    const polygons = feature.geometry?.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry?.type === "MultiPolygon" ? feature.geometry.coordinates : [];
    for (const polygon of polygons) {
        for (const ring of polygon) {
            if (ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180)) {
                for (const p of ring) {
                    if (p[0] < 0) {
                        p[0] += 360;
                    }
                }
            }
        }
    }
    return feature;
}

function element(tag, className, text) {
    const e = document.createElement(tag);
    if (className) {
        e.className = className;
    }
    if (text !== undefined) {
        e.textContent = text;
    }
    return e;
}

// Tooltips are built from text nodes: names come from users and never become markup.
function tooltip(title, lines) {
    const box = element("div", "tm-tip");
    box.appendChild(element("strong", null, title));
    for (const line of lines) {
        if (line) {
            box.appendChild(element("div", null, line));
        }
    }
    return box;
}

function markerSize(potential) {
    return Math.round(10 + Math.max(0, Math.min(100, potential)) / 100 * 16);
}

class TerritoryMap {
    constructor(host, dotnet) {
        this.host = host;
        this.dotnet = dotnet;
        this.layers = new Map(); // region code → shape layer
        this.selected = null;
        this.fitted = false;
    }

    async start(data) {
        await loadLibraries();
        const features = await loadShapes();
        const L = window.L;
        // Honour the user's "reduce motion": no zoom, fade or cluster animations.
        const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        this.map = L.map(this.host, {
            zoomControl: true, attributionControl: false, worldCopyJump: false, minZoom: 2, maxZoom: 12, preferCanvas: false,
            zoomAnimation: !still, fadeAnimation: !still, markerZoomAnimation: !still,
        });
        this.map.setView([39, -40], 3);
        this.regionLayer = L.layerGroup().addTo(this.map);
        this.features = features;
        this.cluster = L.markerClusterGroup({
            showCoverageOnHover: false,
            chunkedLoading: true,
            animate: !still,
            // Far enough apart that two 40 px cluster badges never crowd each other's touch target (WCAG 2.5.8).
            maxClusterRadius: 60,
            iconCreateFunction: c => {
                const n = c.getChildCount();
                const size = n < 20 ? "small" : n < 100 ? "medium" : "large";
                const icon = L.divIcon({ html: `<div data-cluster-count="${n}"><span>${n}</span></div>`, className: `marker-cluster marker-cluster-${size}`, iconSize: L.point(40, 40) });
                return icon;
            },
        });
        this.map.addLayer(this.cluster);
        this.map.on("click", () => this.dotnet.invokeMethodAsync("OnRegionSelected", null));
        this.update(data);
    }

    // Draws everything anew (the first draw, or when territories' names, colors or edit rights changed).
    update(data) {
        this.labels = data.labels;
        this.territories = new Map(data.territories.map(t => [t.id, t]));
        this.accounts = new Map(data.accounts.map(a => [a.id, a]));
        this.drawRegions(data.regions, null);
        this.drawAccounts();
        if (!this.fitted && data.accounts.length > 0) {
            const bounds = window.L.latLngBounds(data.accounts.map(a => [a.lat, a.lon]));
            this.map.fitBounds(bounds, { padding: [20, 20] });
            this.fitted = true;
        }
        this.drawn(data.version);
    }

    // Applies what changed since the last draw: a move changes a marker or two and two territories' figures, and
    // redrawing 2,000+ markers on every screen for that is what made live maps slow.
    patch(delta) {
        for (const t of delta.territories) {
            this.territories.set(t.id, t);
        }
        const touched = new Set(delta.territories.map(t => t.id));
        this.drawRegions(delta.regions, touched);
        const L = window.L;
        for (const id of delta.removed) {
            const marker = this.markers.get(id);
            if (marker) {
                this.cluster.removeLayer(marker);
                this.markers.delete(id);
            }
            this.accounts.delete(id);
        }
        const old = delta.accounts.map(a => this.markers.get(a.id)).filter(m => m);
        this.cluster.removeLayers(old);
        const added = delta.accounts.map(a => {
            this.accounts.set(a.id, a);
            const marker = this.marker(a, L);
            this.markers.set(a.id, marker);
            return marker;
        });
        this.cluster.addLayers(added);
        this.drawn(delta.version);
    }

    drawn(version) {
        this.host.dataset.regionCount = String(this.layers.size);
        this.host.dataset.accountCount = String(this.accounts.size);
        // What the cluster group holds (drawn singly or inside a cluster), counted once whatever the zoom animation shows.
        this.host.dataset.markerCount = String(this.cluster.getLayers().length);
        this.host.dataset.version = String(version);
        this.host.dataset.ready = "true";
    }

    // The territory an account's marker shows now (clustered markers are not in the DOM, so tests and the bench ask
    // the map itself); undefined when the account has no marker.
    territoryOf(accountId) {
        return this.accounts?.get(accountId)?.territoryId;
    }

    regionStyle(region) {
        const territory = region.territoryId == null ? null : this.territories.get(region.territoryId);
        const selected = region.code === this.selected;
        return {
            color: selected ? "#111" : "#666",
            weight: selected ? 3 : 0.6,
            fillColor: territory ? territory.color : "#9e9e9e",
            fillOpacity: territory ? 0.45 : 0.12,
        };
    }

    // Draws the given regions, and restyles those of the touched territories (whose figures their tooltips show);
    // touched null: every region.
    drawRegions(regions, touched) {
        const L = window.L;
        if (this.layers.size === 0) {
            const byKey = new Map(regions.map(r => [r.shape, r]));
            for (const { key, feature } of this.features) {
                const region = byKey.get(key);
                if (!region) {
                    continue;
                }
                const layer = L.geoJSON(feature, { style: () => this.regionStyle(region) });
                layer.on("click", e => {
                    L.DomEvent.stopPropagation(e);
                    this.dotnet.invokeMethodAsync("OnRegionSelected", layer.regionCode);
                });
                layer.regionCode = region.code;
                layer.addTo(this.regionLayer);
                this.layers.set(region.code, layer);
            }
        }
        for (const region of regions) {
            const layer = this.layers.get(region.code);
            if (layer) {
                layer.region = region;
                this.drawRegion(layer);
            }
        }
        if (touched && touched.size > 0) {
            const given = new Set(regions.map(r => r.code));
            for (const layer of this.layers.values()) {
                if (layer.region && !given.has(layer.region.code) && touched.has(layer.region.territoryId)) {
                    this.drawRegion(layer);
                }
            }
        }
    }

    drawRegion(layer) {
        const region = layer.region;
        layer.setStyle(this.regionStyle(region));
        const territory = region.territoryId == null ? null : this.territories.get(region.territoryId);
        layer.unbindTooltip();
        layer.bindTooltip(tooltip(region.name, [territory ? territory.name : this.labels.noTerritory, region.summary, territory ? territory.summary : null]), { sticky: true });
        layer.eachLayer(path => {
            const e = path.getElement();
            if (e) {
                e.setAttribute("data-region-code", region.code);
                e.setAttribute("data-territory-id", region.territoryId ?? "");
                e.classList.toggle("tm-selected", region.code === this.selected);
            }
        });
    }

    drawAccounts() {
        const L = window.L;
        this.cluster.clearLayers();
        this.markers = new Map();
        for (const account of this.accounts.values()) {
            this.markers.set(account.id, this.marker(account, L));
        }
        this.cluster.addLayers([...this.markers.values()]);
    }

    marker(account, L) {
        const territory = this.territories.get(account.territoryId);
        const size = markerSize(account.potential);
        const marker = L.marker([account.lat, account.lon], {
            icon: L.divIcon({ className: "tm-marker", iconSize: [size, size] }),
            draggable: account.canMove,
            keyboard: true,
            title: account.name,
            autoPan: true,
        });
        marker.on("add", () => {
            const e = marker.getElement();
            e.setAttribute("data-account-id", account.id);
            e.setAttribute("data-territory-id", account.territoryId ?? "");
            e.classList.toggle("tm-planned", account.planned === true);
            e.style.background = territory ? territory.color : "#9e9e9e";
        });
        marker.bindTooltip(tooltip(account.name, [territory ? territory.name : this.labels.noTerritory, account.summary]), { direction: "top" });
        marker.on("click", () => this.dotnet.invokeMethodAsync("OnAccountSelected", account.id));
        marker.on("dragend", () => this.dropped(marker, account));
        return marker;
    }

    // The region under the dropped marker is found in the page itself (whatever shape is drawn there), and the
    // marker goes back: accounts keep their place on the map and change territory only once the server says so.
    dropped(marker, account) {
        const point = this.map.latLngToContainerPoint(marker.getLatLng());
        const rect = this.host.getBoundingClientRect();
        const under = document.elementsFromPoint(rect.left + point.x, rect.top + point.y)
            .find(e => e.hasAttribute && e.hasAttribute("data-region-code"));
        marker.setLatLng([account.lat, account.lon]);
        this.dotnet.invokeMethodAsync("OnAccountDropped", account.id, under ? under.getAttribute("data-region-code") : null);
    }

    select(code) {
        const previous = this.selected;
        this.selected = code;
        for (const c of [previous, code]) {
            const layer = c ? this.layers.get(c) : null;
            if (layer && layer.region) {
                layer.setStyle(this.regionStyle(layer.region));
                layer.eachLayer(path => path.getElement()?.classList.toggle("tm-selected", c === code));
            }
        }
        const layer = code ? this.layers.get(code) : null;
        if (layer) {
            layer.bringToFront();
        }
    }

    resize() {
        this.map?.invalidateSize();
    }

    dispose() {
        this.map?.remove();
        this.map = null;
    }
}

export async function create(host, dotnet, data) {
    const map = new TerritoryMap(host, dotnet);
    host.territoryMap = map;
    await map.start(data);
    return map;
}
