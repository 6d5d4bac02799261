#include "ui/ProcedureControls.h"

namespace spineviz {

void ProcedureRequests::merge(const ProcedureRequests& o) {
    if (o.options) options = o.options;
    if (o.cement) cement = o.cement;
    if (o.seek) seek = o.seek;
    if (o.jumpToPhase) jumpToPhase = o.jumpToPhase;
    togglePlay = togglePlay || o.togglePlay;
    next = next || o.next;
    previous = previous || o.previous;
    restart = restart || o.restart;
    if (o.speed) speed = o.speed;
    if (o.inside) inside = o.inside;
    if (o.section) section = o.section;
    if (o.followCamera) followCamera = o.followCamera;
    if (o.audience) audience = o.audience;
    if (o.learnOpen) learnOpen = o.learnOpen;
    if (o.labels) labels = o.labels;
    if (o.loop) loop = o.loop;
    if (o.practice) practice = o.practice;
}

} // namespace spineviz
