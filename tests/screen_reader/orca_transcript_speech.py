# A speech server for Orca that writes what Orca says to a file, one utterance a line, in place of
# speech-dispatcher (which waits forever for a sound device on a machine without one). Orca finds
# it by its module name (settings "speechServerFactory"), on PYTHONPATH; the file is named by
# IIIFC_ORCA_TRANSCRIPT.
import os

from orca import speechserver


def _write(text):
    line = ' '.join(str(text).split())
    if not line:
        return
    with open(os.environ['IIIFC_ORCA_TRANSCRIPT'], 'a', encoding='utf-8') as out:
        out.write(line + '\n')


class SpeechServer(speechserver.SpeechServer):
    _server = None

    @staticmethod
    def getFactoryName():
        return 'Transcript file'

    @staticmethod
    def getSpeechServers():
        return [SpeechServer.getSpeechServer()]

    @staticmethod
    def getSpeechServer(info=None):
        if SpeechServer._server is None:
            SpeechServer._server = SpeechServer()
        return SpeechServer._server

    @staticmethod
    def shutdownActiveServers():
        SpeechServer._server = None

    def getInfo(self):
        return ['Transcript file', 'transcript']

    def getVoiceFamilies(self):
        return []

    def speak(self, text=None, acss=None, interrupt=True):
        if text:
            _write(text)

    def speakCharacter(self, character, acss=None):
        _write(character)

    def sayAll(self, utteranceIterator, progressCallback):
        for context, _acss in utteranceIterator:
            _write(context.utterance)
            progressCallback(context, speechserver.SayAllContext.COMPLETED)
