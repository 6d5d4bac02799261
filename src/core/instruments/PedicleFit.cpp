#include "core/instruments/PedicleFit.h"

#include "core/instruments/InstrumentDimensions.h"

#include <initializer_list>

namespace spineviz {

namespace dims = instrument_dims;

const char* accessRouteName(AccessRoute route) { return route == AccessRoute::Transpedicular ? "transpedicular" : "extrapedicular"; }

PedicleFit fitPedicle(bool kyphoplasty, float pedicleWidthMm) {
    PedicleFit fit;
    fit.pedicleWidthMm = pedicleWidthMm;
    const auto fitsIn = [&](int gauge) { return dims::gaugeSize(gauge).outerMm + 2.0f * kPedicleWallMarginMm <= pedicleWidthMm; };
    fit.plannedGauge = kyphoplasty ? dims::kWorkingCannulaGauge : dims::kTrocarGauge;
    fit.gauge = fit.plannedGauge;
    fit.plannedMm = dims::gaugeSize(fit.plannedGauge).outerMm;
    if (!fitsIn(fit.gauge) && !kyphoplasty) {
        // 11-13 gauge for vertebroplasty (AJNR 2004, PMC7976525); 15 gauge in upper thoracic pedicles (openradiology.org).
        for (int gauge : {13, 15})
            if (fitsIn(gauge)) {
                fit.gauge = gauge;
                break;
            }
        if (!fitsIn(fit.gauge)) fit.gauge = 15;
    }
    fit.instrumentMm = dims::gaugeSize(fit.gauge).outerMm;
    if (!fitsIn(fit.gauge)) fit.route = AccessRoute::Extrapedicular;
    return fit;
}

} // namespace spineviz
