// The app's WebGL drawing. The app (C++, src/platform/web/gl_renderer.cpp) builds each frame and
// sends it here as one packet; this draws it on the canvas. It runs in a worker of its own, on the
// canvas handed over as an OffscreenCanvas: the page's main thread makes no WebGL call at all.
// With software GL (SwiftShader; also blocklisted GPUs, virtual machines, many kiosk PCs) every
// frame shown is read back from the GPU where the canvas is drawn, about 100 ms for the first one
// at a phone's size and most of a frame's time while scrolling: in the worker, that wait blocks
// neither input nor the page. Where a browser cannot draw WebGL in a worker, web/app.js loads this
// same file on the page and uses createDrawer there.
// Its messages (init, font, font-rows, font-region, frame, confirm; answers context, drawn) are
// listed in src/ui/page_protocol.h.
'use strict';

// The packet's layout (src/ui/page_protocol.h), written in by scripts/build_site.mjs.
var PACKET = ({} /* page_protocol.h */).packet;

// GLSL ES 1.00 runs on WebGL 1 and 2. The font atlas is alpha only: its texels give the coverage,
// the vertex the colour; solid shapes sample the atlas's white texel. Glyphs the browser drew in
// colour (emoji) are in a texture of their own, RGBA premultiplied, at u - 1 (u in [-1, 0): their
// vertex colour is white, ImGui's untinted glyph; src/ui/extra_glyphs.h). The
// transform from display to clip space is a constant attribute (scale xy, offset zw), not a
// uniform: a uniform's location must be asked of the linked program, a round trip that waits for
// the GPU to compile and link (attribute locations are bound before linking instead).
var VERTEX_SHADER = [
  'attribute vec2 a_position;',
  'attribute vec2 a_uv;',
  'attribute vec4 a_color;',
  'attribute vec4 a_transform;',
  'varying vec2 v_uv;',
  'varying vec4 v_color;',
  'void main() {',
  '  v_uv = a_uv;',
  '  v_color = a_color;',
  '  gl_Position = vec4(a_position * a_transform.xy + a_transform.zw, 0.0, 1.0);',
  '}',
].join('\n');
// The atlas's sampler reads texture unit 0, a sampler's initial value: nothing to set; the colour
// one is set to unit 1 when its texture is made.
var FRAGMENT_SHADER = [
  'precision mediump float;',
  'uniform sampler2D u_texture;',
  'uniform sampler2D u_colour;',
  'varying vec2 v_uv;',
  'varying vec4 v_color;',
  'void main() {',
  '  vec4 c = texture2D(u_colour, vec2(v_uv.x + 1.0, v_uv.y));',
  '  gl_FragColor = v_color * mix(vec4(c.rgb / max(c.a, 0.004), c.a), vec4(1.0, 1.0, 1.0, texture2D(u_texture, v_uv).a), step(0.0, v_uv.x));',
  '}',
].join('\n');

var POSITION = 0, UV = 1, COLOR = 2, TRANSFORM = 3;

// Each field of a packet part as its index in 32-bit words (every field but the vertex's is one).
function wordIndices(part) {
  var words = {};
  Object.keys(part.fields).forEach(function (name) { words[name] = part.fields[name].offset / 4; });
  return words;
}
var HEADER = wordIndices(PACKET.header), LIST = wordIndices(PACKET.list), COMMAND = wordIndices(PACKET.command);
var HEADER_WORDS = PACKET.header.bytes / 4, LIST_WORDS = PACKET.list.bytes / 4, COMMAND_WORDS = PACKET.command.bytes / 4;
var VERTEX = PACKET.vertex;

// A packet's header and its draw lists as views of its bytes: {width, height, clear, transform,
// indexBytes, lists: [{vertices, indices (Uint8Array), commands (Int32Array, COMMAND_WORDS each)}]}.
function readPacket(packet) {
  var words = new Int32Array(packet, 0, HEADER_WORDS), floats = new Float32Array(packet, 0, HEADER_WORDS);
  var frame = {
    width: words[HEADER.width], height: words[HEADER.height],
    clear: [floats[HEADER.clearR], floats[HEADER.clearG], floats[HEADER.clearB]],
    transform: [floats[HEADER.scaleX], floats[HEADER.scaleY], floats[HEADER.offsetX], floats[HEADER.offsetY]],
    indexBytes: words[HEADER.indexBytes], lists: [],
  };
  var at = PACKET.header.bytes;
  for (var n = 0; n < words[HEADER.lists]; n++) {
    var head = new Int32Array(packet, at, LIST_WORDS);
    at += PACKET.list.bytes;
    var vertices = new Uint8Array(packet, at, head[LIST.vertexBytes]);
    at += head[LIST.vertexBytes];
    var indices = new Uint8Array(packet, at, head[LIST.indexBytes]);
    at += (head[LIST.indexBytes] + 3) & ~3;
    var commands = new Int32Array(packet, at, head[LIST.commands] * COMMAND_WORDS);
    at += commands.byteLength;
    frame.lists.push({ vertices: vertices, indices: indices, commands: commands });
  }
  return frame;
}

// A drawer for `canvas` (an OffscreenCanvas in the worker, the page's canvas otherwise); `reply`
// takes its answers; `coalesce`: of the frames that arrive while it is busy, only the last is
// drawn (in the worker: the app sends frames as they change, and with software GL one frame costs
// the worker tens of ms; on the page the app paces them itself, frame_pacing.h). Null where the
// canvas gives no WebGL context.
function createDrawer(canvas, attrs, reply, coalesce) {
  var gl = null, version = 0;
  try {
    gl = canvas.getContext('webgl2', attrs);
    version = gl ? 2 : 0;
    if (!gl) { gl = canvas.getContext('webgl', attrs); version = gl ? 1 : 0; }
  } catch (e) { gl = null; }  // a browser that throws instead of returning null: no WebGL either
  if (!gl) return null;

  function compile(kind, source) {
    var shader = gl.createShader(kind);
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    return shader;
  }
  var program = gl.createProgram();
  var vs = compile(gl.VERTEX_SHADER, VERTEX_SHADER), fs = compile(gl.FRAGMENT_SHADER, FRAGMENT_SHADER);
  gl.attachShader(program, vs);
  gl.attachShader(program, fs);
  gl.bindAttribLocation(program, POSITION, 'a_position');
  gl.bindAttribLocation(program, UV, 'a_uv');
  gl.bindAttribLocation(program, COLOR, 'a_color');
  gl.bindAttribLocation(program, TRANSFORM, 'a_transform');
  gl.linkProgram(program);
  gl.deleteShader(vs);  // freed with the program
  gl.deleteShader(fs);
  // Nothing asks whether it linked until the GPU has drawn the first frame (confirm): asked
  // earlier, the answer waits for the GPU to compile it.
  gl.flush();

  // The state every frame draws with, set once: nothing else draws in this context, so nothing is
  // saved or restored (each query of the GL state is a round trip to the GPU).
  var vertexBuffer = gl.createBuffer(), indexBuffer = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, vertexBuffer);
  gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indexBuffer);
  gl.enableVertexAttribArray(POSITION);
  gl.enableVertexAttribArray(UV);
  gl.enableVertexAttribArray(COLOR);  // TRANSFORM has no array: its value is a constant
  gl.enable(gl.BLEND);
  gl.blendEquation(gl.FUNC_ADD);
  gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
  gl.disable(gl.CULL_FACE);
  gl.disable(gl.DEPTH_TEST);
  gl.activeTexture(gl.TEXTURE0);
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  // A texture bound to texture unit `unit` for good, with the parameters it keeps. Glyphs are
  // rasterised at device pixels and drawn one texel per pixel: linear filtering, no mipmaps.
  function bindTexture(unit) {
    gl.activeTexture(gl.TEXTURE0 + unit);
    gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
    [gl.TEXTURE_MIN_FILTER, gl.TEXTURE_MAG_FILTER, gl.TEXTURE_WRAP_S, gl.TEXTURE_WRAP_T].forEach(function (name, i) {
      gl.texParameteri(gl.TEXTURE_2D, name, i < 2 ? gl.LINEAR : gl.CLAMP_TO_EDGE);
    });
  }
  bindTexture(0);  // the font atlas, from the start

  var programUsed = false, transform = [NaN, NaN, NaN, NaN], viewport = [-1, -1];

  function pointAttributes(firstVertex) {
    var base = firstVertex * VERTEX.bytes;
    gl.vertexAttribPointer(POSITION, 2, gl.FLOAT, false, VERTEX.bytes, base + VERTEX.fields.pos.offset);
    gl.vertexAttribPointer(UV, 2, gl.FLOAT, false, VERTEX.bytes, base + VERTEX.fields.uv.offset);
    gl.vertexAttribPointer(COLOR, 4, gl.UNSIGNED_BYTE, true, VERTEX.bytes, base + VERTEX.fields.col.offset);
  }

  function drawFrame(packet) {
    var frame = readPacket(packet), width = frame.width, height = frame.height;
    if (width <= 0 || height <= 0) return;
    // Resizing the canvas clears it; the packet's frame covers all of it.
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    if (!programUsed) {
      gl.useProgram(program);  // at the first frame, not at start: WebGL's check waits for the link
      programUsed = true;
    }
    if (viewport[0] !== width || viewport[1] !== height) {
      gl.viewport(0, 0, width, height);
      viewport = [width, height];
    }
    gl.disable(gl.SCISSOR_TEST);  // the clear covers the whole drawing buffer
    gl.clearColor(frame.clear[0], frame.clear[1], frame.clear[2], 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.enable(gl.SCISSOR_TEST);
    var t = frame.transform;
    if (t[0] !== transform[0] || t[1] !== transform[1] || t[2] !== transform[2] || t[3] !== transform[3]) {
      transform = t;
      gl.vertexAttrib4f(TRANSFORM, t[0], t[1], t[2], t[3]);
    }
    var indexType = frame.indexBytes === 2 ? gl.UNSIGNED_SHORT : gl.UNSIGNED_INT;
    frame.lists.forEach(function (list) {
      gl.bufferData(gl.ARRAY_BUFFER, list.vertices, gl.STREAM_DRAW);
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, list.indices, gl.STREAM_DRAW);
      var cmd = list.commands, firstVertex = 0;
      pointAttributes(0);
      for (var c = 0; c < cmd.length; c += COMMAND_WORDS) {
        gl.scissor(cmd[c + COMMAND.scissorX], cmd[c + COMMAND.scissorY], cmd[c + COMMAND.scissorW], cmd[c + COMMAND.scissorH]);
        // The textures: the font atlas's and the colour glyphs', each bound to its unit for good.
        if (cmd[c + COMMAND.firstVertex] !== firstVertex) {
          firstVertex = cmd[c + COMMAND.firstVertex];
          pointAttributes(firstVertex);
        }
        gl.drawElements(gl.TRIANGLES, cmd[c + COMMAND.count], indexType, cmd[c + COMMAND.firstIndexByte]);
      }
    });
  }

  // Calls done once the GPU has finished what was sent before: asked without waiting, every few
  // ms (a fence, WebGL 2); WebGL 1 has no fences: at once.
  function whenDrawn(done) {
    if (version < 2) { done(); return; }
    var fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0), started = Date.now();
    gl.flush();  // a fence not sent never signals
    (function poll() {
      // A fence that never signals costs a second at most.
      if (gl.clientWaitSync(fence, 0, 0) === gl.TIMEOUT_EXPIRED && Date.now() - started < 1000) { setTimeout(poll, 4); return; }
      gl.deleteSync(fence);
      done();
    })();
  }

  // Characters the embedded fonts lack, drawn by the browser (src/ui/extra_glyphs.h): a texture
  // grows by rows ('font-rows', its texels kept: this copy of them is re-sent) and takes their
  // pixels ('font-region'); `colour`: the colour glyphs' texture, on unit 1, made at its first rows.
  var textures = [null, null], colourMade = false;  // { width, height, pixels }: the atlas's texels, the colour glyphs'
  function handleExtraGlyphs(msg) {
    var unit = msg.colour ? 1 : 0, bytes = msg.colour ? 4 : 1, format = msg.colour ? gl.RGBA : gl.ALPHA, tex = textures[unit];
    if (!textures[0]) return;
    if (msg.type === 'font-rows') {
      if (tex && msg.height <= tex.height) return;
      if (unit && !colourMade) {
        colourMade = true;
        bindTexture(1);
        gl.useProgram(program);  // (its uniform is set on the program in use)
        programUsed = true;
        gl.uniform1i(gl.getUniformLocation(program, 'u_colour'), 1);
      }
      var grown = new Uint8Array(textures[0].width * msg.height * bytes);
      if (tex) grown.set(tex.pixels);
      tex = textures[unit] = { width: textures[0].width, height: msg.height, pixels: grown };
      gl.activeTexture(gl.TEXTURE0 + unit);
      gl.texImage2D(gl.TEXTURE_2D, 0, format, tex.width, tex.height, 0, format, gl.UNSIGNED_BYTE, tex.pixels);
      return;
    }
    var region = new Uint8Array(msg.pixels), w = msg.width * bytes;
    if (!tex || msg.x < 0 || msg.y < 0 || msg.x + msg.width > tex.width || msg.y + msg.height > tex.height) return;
    for (var row = 0; row < msg.height; row++) {
      tex.pixels.set(region.subarray(row * w, (row + 1) * w), ((msg.y + row) * tex.width + msg.x) * bytes);
    }
    gl.activeTexture(gl.TEXTURE0 + unit);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, msg.x, msg.y, msg.width, msg.height, format, gl.UNSIGNED_BYTE, region);
  }

  var pending = null;  // the last frame received, not drawn yet (coalesce)
  function drawPending() {
    var packet = pending;
    pending = null;
    if (packet) drawFrame(packet);
  }

  function handle(msg) {
    if (msg.type === 'frame') {
      if (!coalesce) { drawFrame(msg.packet); return; }
      // Drawn in a task of its own: the frames already queued behind this one are read first.
      if (!pending) setTimeout(drawPending, 0);
      pending = msg.packet;
      return;
    }
    drawPending();  // what follows a frame comes after it
    if (msg.type === 'font') {
      // A new atlas: the colour glyphs of the last are gone too (their texture is made anew).
      textures = [{ width: msg.width, height: msg.height, pixels: new Uint8Array(msg.pixels) }, null];
      gl.activeTexture(gl.TEXTURE0);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.ALPHA, msg.width, msg.height, 0, gl.ALPHA, gl.UNSIGNED_BYTE, textures[0].pixels);
      gl.flush();  // uploaded while the app goes on
    } else if (msg.type === 'font-rows' || msg.type === 'font-region') {
      handleExtraGlyphs(msg);
    } else if (msg.type === 'confirm') {
      whenDrawn(function () {
        // Asked now that the GPU is idle: the answer costs no wait.
        reply({ type: 'drawn', linked: !!gl.getProgramParameter(program, gl.LINK_STATUS) });
      });
    }
  }

  return { version: version, handle: handle };
}

// In a worker: the page sends the canvas first, then packets.
if (typeof document === 'undefined' && typeof self === 'object' && typeof self.postMessage === 'function') {
  var drawer = null;
  self.onmessage = function (event) {
    var msg = event.data;
    if (msg.type === 'init') {
      drawer = createDrawer(msg.canvas, msg.attrs, function (answer) { self.postMessage(answer); }, true);
      self.postMessage({ type: 'context', version: drawer ? drawer.version : 0 });
    } else if (drawer) {
      drawer.handle(msg);
    }
  };
}
