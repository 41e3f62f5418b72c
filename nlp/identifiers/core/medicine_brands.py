"""Medicines, dressings and vaccines by their brand names, never one person (issue 20, round 45).

Care notes, discharge letters and carers' diaries name what someone takes or has applied by
its brand, capitalised mid-sentence ("started on Fostair", "Mepilex to the left heel",
"Calcichew-D3 twice a day", "her Eliquis was missed"), and the capitals rule, knowing no such
word, took it for a person in twelve development sets by different writers. Round 34's medicine
rule (`look_alikes/paperwork_words.py`) knows a medicine only by its strength after it or by
an international non-proprietary name's stem, which a brand has not; the shortest brands
(Calpol, Ventolin) were already in `name_gazetteer.NOT_IDENTIFIER_WORDS`, which this list
joins. These are medicines UK prescribers and pharmacies name often, in every kind of care;
a word any name list holds as a first name or a surname is left out, and after a title
("Mr Lantus") a word is still a name.
"""

from __future__ import annotations

MEDICINE_BRANDS = frozenset(
    (
        # inhalers
        "seretide symbicort fostair trelegy relvar clenil qvar spiriva flutiform salamol "
        "easyhaler atrovent anoro incruse ultibro seebri duoresp trimbow braltus evohaler "
        "accuhaler turbohaler "
        # diabetes: insulins, tablets, sensors
        "humulin novorapid lantus levemir tresiba humalog abasaglar toujeo trulicity ozempic "
        "victoza byetta jardiance forxiga janumet januvia galvus glucophage gliclazide libre "
        "dexcom omnipod "
        # anticoagulants
        "eliquis xarelto lixiana pradaxa warfarin clexane fragmin "
        # heart and stomach
        "lipitor zocor crestor ezetrol plavix brilique tildiem adalat istin norvasc nexium "
        "losec zantac "
        # epilepsy, Parkinson's, dementia
        "epilim keppra tegretol lamictal sinemet madopar stalevo aricept ebixa reminyl exelon "
        "sabril topamax neurontin lyrica "
        # mental health and sleep
        "prozac seroxat cipralex zoloft lustral efexor cymbalta zyprexa risperdal seroquel "
        "abilify clozaril valium librium mogadon stilnoct zimovane circadin "
        # pain
        "zomorph oxynorm oxycontin longtec shortec zapain solpadeine cocodamol co-codamol "
        "tramadol zydol butrans matrifen durogesic voltarol "
        # bowel
        "laxido moviprep picolax senokot dulcolax buscopan imodium creon peptac colofac asacol "
        "pentasa mezavant "
        # skin
        "dermol diprobase doublebase epaderm hydromol cetraben oilatum aveeno zerobase eumovate "
        "dermovate betnovate elocon fucidin fucibet daktacort canesten zeroderm emollin "
        # wound dressings and bandages
        "allevyn aquacel mepilex inadine kaltostat duoderm tegaderm mepore granuflex biatain "
        "cavilon sorbsan iodoflex actiform prontosan flamazine tubigrip "
        # hormones
        "estradot evorel oestrogel utrogestan femoston elleste kliovance premarin eltroxin "
        "prostap zoladex "
        # eyes
        "xalatan lumigan travatan eylea lucentis viscotears optrex xailin "
        # supplements and feeds
        "adcal calcichew accrete ferrograd fresubin scandishake pabrinex forceval "
        # vaccines
        "menacwy menb menc bexsero gardasil fluenz prevenar pneumovax zostavax shingrix "
        "boostrix repevax revaxis infanrix biontech comirnaty spikevax nuvaxovid "
        # opioid treatment
        "subutex espranor suboxone physeptone nyxoid prenoxad buvidal "
        # emergencies: adrenaline, glucose
        "epipen jext emerade glucagen hypostop glucogel "
        # antibiotics and antihistamines
        "trimethoprim nitrofurantoin macrobid co-amoxiclav augmentin zirtek clarityn "
        # round 47: long-term conditions' specialist medicines (multiple sclerosis, cystic
        # fibrosis, inflammatory disease) and bowel preparations, named in the diaries of long
        # lives and in hospital letters
        "rebif avonex betaferon plegridy copaxone tecfidera gilenya tysabri ocrevus lemtrada "
        "aubagio mavenclad kesimpta kaftrio kalydeco orkambi symkevi pulmozyme colobreathe "
        "humira enbrel remicade stelara dupixent cosentyx plenvu klean-prep citramag "
    ).split()
)
